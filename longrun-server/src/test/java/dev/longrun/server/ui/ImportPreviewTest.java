package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's CSV with three problems: the preview lists them by row and column, then imports the valid rows. */
class ImportPreviewTest extends BrowserTestBase {

    private static final List<String> IMPORTED = List.of("Ruth Bader", "Ben Carter", "Lena Vogel", "Marco Bianchi");
    private static final Path BAD_CSV = Paths.get("..", "docs", "samples", "contacts-with-problems.csv");

    @Test
    void previewListsTheThreeProblemsAndConfirmingImportsTheValidRows() {
        signIn(page, ALICE);
        Map<String, Long> before = new HashMap<>();
        for (String name : List.of("Ruth Bader", "Ben Carter", "Lena Vogel", "Marco Bianchi", "Grace Hopper")) {
            before.put(name, contactsNamed(name));
        }
        openStartPage(page, "/import.html");
        uploadAndCheck(page, BAD_CSV);

        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        Locator preview = job.locator("longrun-import-preview");
        assertThat(preview.locator(".lr-preview-title"))
                .hasText("Import preview — contacts-with-problems.csv · 6 rows checked · 3 rows with issues");
        // Each row counted once: the pills add up to the 6 rows, and the button imports the first two pills.
        assertThat(preview.locator(".lr-count-ready")).hasText("3 ready as they are");
        assertThat(preview.locator(".lr-count-warning")).hasText("1 imported with a change");
        assertThat(preview.locator(".lr-count-error")).hasText("2 skipped");
        Locator rows = preview.locator("tbody tr");
        assertThat(rows).hasCount(3);
        assertThat(rows.nth(0).locator("td").nth(0)).hasText("3");
        assertThat(rows.nth(0).locator("td").nth(1)).hasText("email");
        assertThat(rows.nth(1).locator("td").nth(0)).hasText("4");
        assertThat(rows.nth(2).locator("td").nth(0)).hasText("5");
        assertThat(rows.nth(2).locator("td").nth(1)).hasText("name");
        screenshot(page, "import-preview");

        preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import 4 ready rows")).click();
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        screenshot(page, "import-completed");

        // The outcome in plain words, and the contacts really there: the 4 ready rows, not the 2 skipped ones.
        assertThat(job.locator(".lr-sentence")).hasText("4 contacts imported · 2 rows skipped · 1 imported without email");
        assertThat(job.locator(".lr-partial-title")).hasText("Finished processing 6 rows · 4 imported · 2 skipped");
        for (String name : IMPORTED) {
            assertThat(contactsNamed(name)).as(name).isEqualTo(before.get(name) + 1);
        }
        assertThat(contactsNamed("Grace Hopper")).as("the duplicate row was skipped").isEqualTo(before.get("Grace Hopper"));
        JsonNode done = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        assertThat(done.get("summary").get("failed").asLong()).isEqualTo(2);
        assertThat(done.get("summary").get("succeeded").asLong()).as("the imported rows, as the API tells a client").isEqualTo(4);

        // Named by its file before and after the decision, on its card and in the list, not "Import contacts — Job 1a2b3c4d"
        // once the preview (which named the file) is gone.
        assertThat(job.locator(".lr-subject")).hasText(" — contacts-with-problems.csv");
        page.navigate("/index.html");
        assertThat(page.locator("longrun-jobs li[data-job-id='" + done.get("id").asString() + "'] .lr-subject"))
                .hasText(" — contacts-with-problems.csv");
    }

    private long contactsNamed(String name) {
        return api(page, "/api/contacts?limit=5&query=" + name.replace(" ", "%20")).get("total").asLong();
    }
}
