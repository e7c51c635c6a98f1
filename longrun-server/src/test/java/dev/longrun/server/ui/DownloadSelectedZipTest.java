package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "Download selected results" gives one zip from the server holding exactly the selected files. */
class DownloadSelectedZipTest extends BrowserTestBase {

    @Test
    void twoSelectedExportsArriveAsOneZipWithBothFilesUnderDistinctNames() throws IOException {
        signIn(page, ALICE);
        String first = apiPost(page, "/api/jobs/start", Map.of("type", "contacts.export", "params", Map.of("query", "Turing"))).get("id").asString();
        String second = apiPost(page, "/api/jobs/start", Map.of("type", "contacts.export", "params", Map.of("query", "Lovelace"))).get("id").asString();
        Locator list = page.locator("longrun-jobs");
        for (String id : new String[] {first, second}) {
            Locator row = list.locator("li[data-job-id='" + id + "']");
            assertThat(row.locator(".lr-badge")).hasText("Completed");
            row.locator(".lr-select-box").check();
        }
        Locator button = list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Download selected results (2)"));
        assertThat(button).isEnabled();
        screenshot(page, "jobs-list-two-selected");

        Download download = page.waitForDownload(button::click);

        assertThat(download.suggestedFilename()).isEqualTo("results.zip");
        assertThat(list.locator(".lr-jobs-note")).containsText("Downloaded results.zip with 2 selected results");
        Map<String, String> entries = entries(download.path());
        JsonNode a = api(page, "/api/jobs/" + first).get("result");
        JsonNode b = api(page, "/api/jobs/" + second).get("result");
        assertThat(a.get("filename").asString()).isEqualTo(b.get("filename").asString());
        String name = a.get("filename").asString();
        String twin = name.replace(".csv", " (2).csv");
        assertThat(entries.keySet()).containsExactly(name, twin);
        assertThat(entries.get(name).lines().skip(1).filter(l -> !l.isBlank()).count()).isEqualTo(a.get("row_count").asLong());
        assertThat(entries.get(twin).lines().skip(1).filter(l -> !l.isBlank()).count()).isEqualTo(b.get("row_count").asLong());
        assertThat(entries.get(name)).contains("Turing");
        assertThat(entries.get(twin)).contains("Lovelace");
    }

    private static Map<String, String> entries(java.nio.file.Path zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw, StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
