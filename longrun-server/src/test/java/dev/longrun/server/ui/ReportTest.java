package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The report page: a multi-step job that can be based on an export, ending in a PDF to download. */
class ReportTest extends BrowserTestBase {

    @Test
    void aReportBasedOnAnExportWaitsForItAndEndsWithAPdf() {
        signIn(page, ALICE);
        // The export waits for a 5 s demo job, so the page lists it unfinished and the report finishes after it.
        String first = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait", "params", Map.of("seconds", 5, "steps", 0)))
                .get("id").asString();
        String export = apiPost(page, "/api/jobs/start", Map.of("type", "contacts.export", "params", Map.of("query", "Turing"),
                "depends_on", first)).get("id").asString();
        openStartPage(page, "/report.html");
        Locator option = page.locator("#after option[value='" + export + "']");
        page.getByLabel("Report title (optional)").fill("Turing contacts");
        page.getByLabel("Based on an export (optional)").selectOption(export);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate report")).click();

        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        Locator card = job.locator(".lr-file");
        assertThat(card).containsText("PDF");
        assertThat(card.getByRole(AriaRole.LINK)).hasText(Pattern.compile("^Download .+\\.pdf$"));
        // Bad input tried: the export the report waited for, unfinished when the page listed it. Its option kept
        // "Queued" (or "In progress · started just now") beside the finished report. (Read once at load, it says
        // "Completed" only if the page was slower than the 5 s demo job and the export together.)
        assertThat(option).containsText("Completed");
        screenshot(page, "report-completed");
        JsonNode report = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        assertThat(report.get("depends_on").asString()).isEqualTo(export);
        assertThat(report.get("params").get("title").asString()).isEqualTo("Turing contacts");
    }
}
