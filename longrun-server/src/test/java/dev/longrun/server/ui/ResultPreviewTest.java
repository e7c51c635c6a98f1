package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A finished export shows its first rows and a report its first page, each beside the Download. */
class ResultPreviewTest extends BrowserTestBase {

    @Test
    void anExportShowsItsFirstRowsAndAReportItsFirstPageBesideTheDownload() {
        signIn(page, ALICE);
        String export = apiPost(page, "/api/jobs/start", Map.of("type", "contacts.export", "params", Map.of("query", "Lovelace")))
                .get("id").asString();
        page.navigate("/job.html?id=" + export);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        Locator table = job.locator(".lr-result-preview table");
        assertThat(table.locator("thead th").first()).hasText("id");
        assertThat(table.locator("thead th")).containsText(new String[] {"id", "name", "email", "company"});
        long rows = api(page, "/api/jobs/" + export).get("result").get("row_count").asLong();
        assertThat(table.locator("tbody tr")).hasCount((int) Math.min(10, rows));
        assertThat(job.locator(".lr-result-preview figcaption")).containsText(rows > 10 ? "The first 10 of" : "All");
        assertThat(job.locator(".lr-file a[download]")).isVisible();
        screenshot(page, "preview-export-rows");

        String report = apiPost(page, "/api/jobs/start", Map.of("type", "reports.generate", "params", Map.of("title", "Preview check"),
                "depends_on", export)).get("id").asString();
        page.navigate("/job.html?id=" + report);
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        Locator image = job.locator(".lr-result-preview img");
        assertThat(image).hasAttribute("alt", java.util.regex.Pattern.compile("The first page of .+\\.pdf"));
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
        assertThat(((Number) image.evaluate("img => img.naturalWidth")).intValue()).isGreaterThan(300);
        screenshot(page, "preview-report-page");
    }
}
