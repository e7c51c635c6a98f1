package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An export from the dashboard: the click, the moving bar and row count, the tab title, the file. */
class ExportInBrowserTest extends BrowserTestBase {

    @Test
    void exportShowsItsBarAndRowCountMovingThenDownloadsTheFileWithEveryRow() throws Exception {
        signIn(page, ALICE);
        PageRecorder.install(page);
        openStartPage(page, "/export.html");
        screenshot(page, "export-form");

        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Export contacts")).click();
        // The click changed something at once: the button became "View status" and the job is on screen.
        assertThat(page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions().setName("View status"))).isVisible();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        // One main button once it is done: the download, not "View status" beside it.
        assertThat(page.locator(".lr-primary:visible")).hasCount(1);
        assertThat(page.locator(".lr-primary:visible")).hasText(Pattern.compile("Download .*\\.csv"));
        screenshot(page, "export-completed");

        List<Integer> bar = PageRecorder.barValues(page);
        assertThat(bar).as("bar positions shown while exporting").anyMatch(v -> v > 0 && v < 100);
        assertThat(bar.get(bar.size() - 1)).isEqualTo(100);
        assertThat(bar).as("the bar never goes backwards").isSorted();
        assertThat(PageRecorder.texts(page)).as("row counts shown while exporting")
                .anyMatch(t -> t.matches("Exporting contact [1-9][\\d,]* of [\\d,]+"));
        List<String> titles = PageRecorder.titles(page);
        assertThat(titles).anyMatch(t -> t.matches("\\(\\d+%\\) Exporting contacts…"));
        assertThat(titles.get(titles.size() - 1)).isEqualTo("✓ Export complete");

        String id = job.getAttribute("job-id");
        JsonNode api = api(page, "/api/jobs/" + id);
        long rows = api.get("result").get("row_count").asLong();
        assertThat(rows).isGreaterThanOrEqualTo(150_000);
        Locator card = job.locator(".lr-file");
        assertThat(card).containsText(String.format("%,d rows", rows));
        assertThat(card).containsText("CSV");
        assertThat(card).containsText(Pattern.compile("Link expires in \\d+ hours"));

        Download download = page.waitForDownload(() -> card.getByRole(AriaRole.LINK).click());
        List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).contains("email");
        assertThat(lines.stream().skip(1).filter(l -> !l.isBlank()).count()).isEqualTo(rows);
    }
}
