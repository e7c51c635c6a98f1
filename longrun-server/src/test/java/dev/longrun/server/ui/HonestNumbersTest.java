package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.RequestOptions;
import dev.longrun.format.HumanFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One truth for every number: a finished export's size and row count read the same on its card, in the jobs list,
 * the toast, the bell and the email, and its duration the same on the card and in the list.
 */
class HonestNumbersTest extends BrowserTestBase {

    private static final Pattern SIZE = Pattern.compile("\\d[\\d,.]* (?:bytes?|KB|MB|GB)");
    private static final Pattern ROWS = Pattern.compile("\\d[\\d,]* rows?");
    private static final Pattern TOOK = Pattern.compile("took ([^·]+?)(?: ·|$)");

    @Test
    void everyNumberOfOneFinishedExportReadsTheSameOnTheCardTheListTheToastTheBellAndTheEmail() {
        signIn(page, ALICE);
        apiPost(page, "/api/notifications/read-all", Map.of());
        APIResponse prefs = page.context().request().put(base() + "/api/notification-preferences", RequestOptions.create()
                .setHeader("Content-Type", "application/json").setHeader("X-Longrun-Csrf", "1")
                .setData("{\"preferences\":[{\"job_type\":\"contacts.export\",\"channel\":\"both\"}]}"));
        assertThat(prefs.ok()).as(prefs.text()).isTrue();
        page.reload();

        String id = apiPost(page, "/api/jobs/start", Map.of("type", "contacts.export", "params", Map.of("query", "a"))).get("id").asString();
        Locator row = page.locator("longrun-jobs li[data-job-id='" + id + "']");
        assertThat(row.locator(".lr-badge")).hasText("Completed");
        Locator toast = page.locator(".lr-toast").filter(new Locator.FilterOptions().setHasText("Export contacts"));
        assertThat(toast).isVisible();
        JsonNode job = api(page, "/api/jobs/" + id);
        long rows = job.get("result").get("row_count").asLong();
        long size = job.get("result").get("size_bytes").asLong();
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("toast", toast.innerText());
        // The list's progress cell (rows, size) and duration cell (took …), read as one line.
        shown.put("list", row.locator(".lr-facts").innerText() + " · " + row.locator(".lr-took").innerText());
        screenshot(page, "numbers-list-and-toast");

        page.locator("longrun-bell .lr-bell-button").click();
        Locator note = page.locator("longrun-bell li[data-notification-id]").filter(new Locator.FilterOptions().setHasText("Export contacts")).first();
        shown.put("bell", note.innerText());
        screenshot(page, "numbers-bell");

        page.navigate("/job.html?id=" + id);
        Locator card = page.locator("#job-area longrun-job");
        assertThat(card.locator(".lr-file-facts")).isVisible();
        shown.put("card", card.locator(".lr-file-facts").innerText() + " · " + card.locator(".lr-facts").first().innerText());
        screenshot(page, "numbers-card");

        JsonNode mails = api(page, "/api/notifications/outbox?limit=20").get("messages");
        String email = null;
        for (JsonNode m : mails) {
            String text = m.get("subject").asString() + "\n" + m.get("text_body").asString();
            if (text.contains(job.get("result").get("filename").asString())) {
                email = text;
                break;
            }
        }
        assertThat(email).as("the email about the export, in the local outbox: %s", mails).isNotNull();
        shown.put("email", email);

        String expectedSize = HumanFormat.bytes(size);
        String expectedRows = HumanFormat.count(rows, "row");
        shown.forEach((where, text) -> {
            assertThat(all(SIZE, text, 0)).as("sizes shown in the %s: %s", where, text).containsOnly(expectedSize).isNotEmpty();
            assertThat(all(ROWS, text, 0)).as("row counts shown in the %s: %s", where, text).containsOnly(expectedRows).isNotEmpty();
        });
        List<String> listTook = all(TOOK, shown.get("list"), 1);
        assertThat(listTook).as("the duration in the list").hasSize(1);
        assertThat(all(TOOK, shown.get("card"), 1)).as("the duration on the card equals the list's").isEqualTo(listTook);
        assertThat(listTook.get(0)).isEqualTo(HumanFormat.took(job.get("run_seconds").asDouble(), job.get("attempt").asInt()));
    }

    @Test
    void aRetriedJobsRowSaysWhichAttemptItsStartTimeIsOf() {
        signIn(page, ALICE);
        // The first attempt hits a temporary problem; the second runs 3 s. The row's duration covers both attempts, its
        // start time is the second's: said so, or "Started 3 s ago · took 5 s" reads as a contradiction.
        String id = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait",
                "params", Map.of("seconds", 3, "steps", 0, "fail", "transient-once"))).get("id").asString();
        Locator row = page.locator("longrun-jobs li[data-job-id='" + id + "']");
        assertThat(row.locator(".lr-badge")).hasText("Completed");
        assertThat(row.locator(".lr-took")).containsText("over 2 attempts");
        assertThat(row.locator(".lr-started")).hasText(Pattern.compile("^Started .+ ago \\(attempt 2\\)$|^Started just now \\(attempt 2\\)$"));
        screenshot(page, "numbers-retried-row");
    }

    private static List<String> all(Pattern p, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text.replace('\u00a0', ' '));
        while (m.find()) {
            out.add(m.group(group).strip());
        }
        return out;
    }
}
