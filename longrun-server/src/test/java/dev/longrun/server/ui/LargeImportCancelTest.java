package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A big import shows a real percentage; cancelling it mid-way says "Cancelling…" and leaves no imported row behind. */
class LargeImportCancelTest extends BrowserTestBase {

    private static final int ROWS = 300_000;

    @Test
    void cancellingALargeImportMidWayLeavesNoContactBehind() throws IOException {
        String marker = "bulk" + UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("contacts-", ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("name,email,company\n");
            for (int i = 0; i < ROWS; i++) {
                w.write("Person " + i + " " + marker + ",p" + i + "@" + marker + ".example,Company " + (i % 300) + "\n");
            }
        }
        signIn(page, ALICE);
        PageRecorder.install(page);
        openStartPage(page, "/import.html");
        uploadAndCheck(page, csv);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(page.locator("#form-note")).hasText("File uploaded. Checking every row — the preview appears below.");
        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import 300,000 ready rows"))
                .click(new Locator.ClickOptions().setTimeout(60_000));

        // A real percentage while rows are written, with the figures beside the bar.
        Locator bar = job.locator("[role=progressbar]");
        assertThat(bar).hasAttribute("aria-valuenow", Pattern.compile("^[1-9]\\d?$"));
        assertThat(job.locator(".lr-facts")).containsText("%");
        // Bad input tried: the import confirmed from its preview. The note above the card still said "Checking every
        // row — the preview appears below" while the card said "Importing row 11,000 of 300,000". Read at once, not
        // waited for: the job's end also clears the note, and the note goes in the same task as the bar is drawn.
        org.assertj.core.api.Assertions.assertThat(page.locator("#form-note").textContent()).isEmpty();
        screenshot(page, "import-running-percent");

        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel import")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("contacts this import already added are removed");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel import")).click();
        assertThat(job.locator(".lr-badge")).hasText("Cancelled", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(30_000));
        assertThat(PageRecorder.texts(page)).contains("Cancelling…");
        screenshot(page, "import-cancelled");

        JsonNode left = api(page, "/api/contacts?limit=1&query=" + marker);
        assertThat(left.get("total").asLong()).as("contacts left behind by the cancelled import").isZero();
        JsonNode cancelled = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        Files.deleteIfExists(csv);
    }

}
