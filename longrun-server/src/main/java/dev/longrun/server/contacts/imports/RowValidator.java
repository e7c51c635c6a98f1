package dev.longrun.server.contacts.imports;

import dev.longrun.server.contacts.EmailAddress;

import dev.longrun.server.NumberWords;
import dev.longrun.server.contacts.NewContact;
import dev.longrun.server.contacts.imports.ImportProblem.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks each row of an import: a name is required, an email must look like one (else the contact is
 * imported without it), and an email may appear once per account (in the file and among the existing
 * contacts). Deterministic, so the preview and the import after confirm decide every row the same way.
 */
final class RowValidator {

    static final int MAX_NAME = 200;
    static final int MAX_COMPANY = 200;
    static final int MAX_EMAIL = EmailAddress.MAX_LENGTH;


    private final Set<String> existingEmails;
    private final Map<String, Long> seenEmails = new HashMap<>();

    RowValidator(Set<String> existingEmails) {
        this.existingEmails = existingEmails;
    }

    /** The outcome of one row: the contact to import (null when skipped) and the problems found. */
    record Checked(NewContact contact, List<ImportProblem> problems) {
        boolean ready() {
            return contact != null;
        }
    }

    Checked check(CsvContactRow row) {
        List<ImportProblem> problems = new ArrayList<>();
        if (row.valueCount() > row.headerCount()) {
            problems.add(error(row, null, "has " + NumberWords.number(row.valueCount()) + " values but the header has "
                    + row.headerCount() + " columns; put values that contain commas in double quotes"));
            return new Checked(null, problems);
        }
        String name = clean(row.name());
        String company = clean(row.company());
        String email = clean(row.email());
        if (name == null) {
            problems.add(error(row, "name", "name is missing; row skipped"));
        } else if (name.length() > MAX_NAME) {
            problems.add(error(row, "name", "name is longer than " + MAX_NAME + " characters; row skipped"));
        }
        if (company != null && company.length() > MAX_COMPANY) {
            problems.add(error(row, "company", "company is longer than " + MAX_COMPANY + " characters; row skipped"));
        }
        if (email != null && (email.length() > MAX_EMAIL || !EmailAddress.looksValid(email))) {
            problems.add(new ImportProblem(row.row(), "email", Severity.WARNING,
                    "'" + shorten(email) + "' is not a valid email address; the contact is imported without email"));
            email = null;
        }
        if (email != null) {
            String key = email.toLowerCase(Locale.ROOT);
            Long earlier = seenEmails.get(key);
            if (earlier != null) {
                problems.add(error(row, "email", "same email as row " + earlier + " (" + email + "); row skipped"));
            } else if (existingEmails.contains(key)) {
                problems.add(error(row, "email", "a contact with email " + email + " already exists; row skipped"));
            }
        }
        boolean skipped = problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
        if (skipped) {
            return new Checked(null, problems);
        }
        if (email != null) {
            seenEmails.put(email.toLowerCase(Locale.ROOT), row.row());
        }
        return new Checked(new NewContact(name, email, company), problems);
    }

    private static ImportProblem error(CsvContactRow row, String column, String message) {
        return new ImportProblem(row.row(), column, Severity.ERROR, message);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
