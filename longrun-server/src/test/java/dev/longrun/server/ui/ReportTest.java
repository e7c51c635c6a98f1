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
        String export = apiPost(page, "/api/jobs/start", Map.of("type", "contacts.export", "params", Map.of("query", "Turing")))
                .get("id").asString();
        openStartPage(page, "/report.html");
        page.getByLabel("Report title (optional)").fill("Turing contacts");
        page.getByLabel("Based on an export (optional)").selectOption(export);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate report")).click();

        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        Locator card = job.locator(".lr-file");
        assertThat(card).containsText("PDF");
        assertThat(card.getByRole(AriaRole.LINK)).hasText(Pattern.compile("^Download .+\\.pdf$"));
        screenshot(page, "report-completed");
        JsonNode report = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        assertThat(report.get("depends_on").asString()).isEqualTo(export);
        assertThat(report.get("params").get("title").asString()).isEqualTo("Turing contacts");
    }
}
