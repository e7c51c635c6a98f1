package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A bulk invite where some contacts have no address: exact counts, the reason, and a retry of only those. */
class InviteTest extends BrowserTestBase {

    @Test
    void bulkInviteShowsExactCountsAndRetriesOnlyTheFailedContacts() {
        signIn(page, ALICE);
        List<Long> withoutEmail = new ArrayList<>();
        JsonNode contacts = api(page, "/api/contacts?query=Benjamin&limit=100").get("contacts");
        contacts.forEach(c -> {
            if (c.get("email").isNull()) {
                withoutEmail.add(c.get("id").asLong());
            }
        });
        int all = contacts.size();
        assertThat(withoutEmail).isNotEmpty().hasSizeLessThan(all);

        openStartPage(page, "/invite.html");
        page.getByLabel("Find contacts").fill("Benjamin");
        assertThat(page.locator("#contacts li")).hasCount(all);
        assertThat(page.locator("#contacts li").first()).containsText("Benjamin");
        assertThat(page.locator("#contacts li").last()).containsText("Benjamin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Select all shown")).click();
        screenshot(page, "invite-form");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite " + all + " selected contacts")).click();

        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        int sent = all - withoutEmail.size();
        int failed = withoutEmail.size();
        Locator partial = job.locator(".lr-partial");
        assertThat(partial.locator(".lr-partial-title"))
                .hasText("Finished processing " + all + " invitations · " + sent + " sent · " + failed + " failed");
        assertThat(partial.locator(".lr-reasons li")).hasCount(1);
        assertThat(partial.locator(".lr-reasons li")).containsText("No email address");
        assertThat(partial.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download the failed invitations (CSV)"))).isVisible();
        screenshot(page, "invite-partly-done");
        String firstId = job.getAttribute("job-id");

        partial.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry the " + failed + " failed")).click();
        assertThat(job).not().hasAttribute("job-id", firstId);
        // The retry covers only the failed contacts; they still have no address, so this time nothing is sent.
        assertThat(job.locator(".lr-badge")).hasText("Failed");
        JsonNode retry = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        List<Long> retried = new ArrayList<>();
        retry.get("params").get("contact_ids").forEach(n -> retried.add(n.asLong()));
        assertThat(retried).containsExactlyInAnyOrderElementsOf(withoutEmail);
        assertThat(retry.get("retry_of").asString()).isEqualTo(firstId);
        assertThat(job.locator(".lr-sentence")).hasText(retry.get("error_message").asString());
        assertThat(job.locator(".lr-partial-title")).hasText(failed + " invitations failed");
        screenshot(page, "invite-retry-failed-again");
    }
}
