package dev.longrun.server.contacts;

import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/contacts?query=&limit=}: the caller's account's contacts, for the pages that export or invite them;
 * {@code PATCH /api/contacts/{id}} with {@code {"email": "…"}}: a fixed address (before retrying failed invitations).
 */
@RestController
public class ContactsController {

    static final int MAX_LIMIT = 500;

    private final ContactRepository contacts;

    public ContactsController(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** A page of contacts and how many match in all; {@code after} is the last id of the previous page. */
    public record ContactPage(List<Contact> contacts, long total, Long next_after) {
    }

    @GetMapping("/api/contacts")
    public ContactPage list(@AuthenticationPrincipal Caller caller,
                            @RequestParam(required = false) String query,
                            @RequestParam(defaultValue = "50") int limit,
                            @RequestParam(defaultValue = "0") long after) {
        String account = caller.requireUnscoped("list contacts").accountId();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (after < 0) {
            throw ApiProblem.invalidField("after", "after must be a contact id (0 for the first page)");
        }
        ContactFilter filter = ContactFilter.of(query);
        List<Contact> page = contacts.page(account, filter, after, limit);
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new ContactPage(page, contacts.count(account, filter), next);
    }

    /** The fields a person may fix; only {@code email} for now. */
    public record ContactChange(String email) {
    }

    @PatchMapping("/api/contacts/{id}")
    public Contact update(@AuthenticationPrincipal Caller caller, @PathVariable long id, @RequestBody ContactChange change) {
        String account = caller.requireUnscoped("change contacts").accountId();
        String email = change == null || change.email() == null ? "" : change.email().strip();
        if (email.isEmpty()) {
            throw ApiProblem.invalidField("email", "Enter the contact's email address, e.g. name@example.com.");
        }
        if (!EmailAddress.looksValid(email)) {
            throw ApiProblem.invalidField("email", "'" + (email.length() > 60 ? email.substring(0, 60) + "…" : email)
                    + "' is not an email address; it should look like name@example.com.");
        }
        try {
            if (!contacts.updateEmail(account, id, email)) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, "contact_not_found", "There is no contact " + id + " in your account.");
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "email_taken", "Another contact already has the address " + email
                    + "; each address belongs to one contact.");
        }
        return contacts.byIds(account, List.of(id)).get(0);
    }
}
