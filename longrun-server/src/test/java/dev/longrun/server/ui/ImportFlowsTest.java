package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import with many problems: the preview lists the first 10, "Show all" pages the rest from the job's items, the
 * CSV holds every problem, and the decision bar stays in view; "Upload a fixed file" leaves the person on the import
 * page with the picker ready and no card of the discarded job; the finished import sums up its skipped rows by
 * reason instead of listing each one. The same file picked again (a refresh, a second tab) shows the import it
 * already started, never a second one; another person on the same browser uploads their own copy.
 */
class ImportFlowsTest extends BrowserTestBase {

    private static final int ROWS = 160;
    /** Every fourth row has no name: skipped. */
    private static final int SKIPPED = ROWS / 4;

    @Test
    void aLongProblemListIsCappedWithShowAllAndCsvAndTheDecisionStaysInView() throws IOException {
        signIn(page, ALICE);
        Path csv = csvWithProblems();
        openStartPage(page, "/import.html");
        assertThat(page.locator(".file-name")).hasText("or drop it here — nothing chosen yet");
        page.getByLabel("CSV file").setInputFiles(csv);
        // The chosen file by name and size (in the one unit system of every number on these screens).
        assertThat(page.locator(".file-name")).hasText(csv.getFileName() + " · " + dev.longrun.format.HumanFormat.bytes(Files.size(csv)));
        screenshot(page, "import-file-chosen");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check")).click();

        Locator job = page.locator("#job-area longrun-job");
        Locator preview = job.locator("longrun-import-preview");
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        Locator rows = preview.locator("tbody tr");
        assertThat(rows).hasCount(10);
        assertThat(preview.locator("caption")).hasText("Problems by row — the first 10 of " + SKIPPED + " rows");
        Locator decision = preview.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName("Your decision"));
        assertThat(decision).containsText("Import " + (ROWS - SKIPPED) + " ready rows? " + SKIPPED + " rows will be skipped.");
        screenshot(page, "import-preview-capped");

        Download download = page.waitForDownload(() -> preview.getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Download problems as CSV")).click());
        long lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).count();
        assertThat(lines).as("problem rows in the CSV").isEqualTo(SKIPPED);

        preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Show all " + SKIPPED + " rows with problems")).click();
        assertThat(rows).hasCount(SKIPPED);
        assertThat(preview.locator("caption")).hasText("Problems by row (" + SKIPPED + " rows)");
        assertThat(rows.nth(SKIPPED - 1).locator("td").nth(3)).hasText("Skipped");
        // With the whole list open, the decision is still on screen, on a desktop and on a phone.
        rows.nth(SKIPPED / 2).scrollIntoViewIfNeeded();
        assertInViewport(decision, 800);
        screenshot(page, "import-preview-all-problems");
        page.setViewportSize(375, 812);
        rows.nth(SKIPPED / 2).scrollIntoViewIfNeeded();
        assertInViewport(decision, 812);
        page.setViewportSize(1280, 800);

        decision.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import " + (ROWS - SKIPPED) + " ready rows")).click();
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        // The skipped rows summed up by reason, not listed one by one.
        Locator reasons = job.locator(".lr-reasons li");
        assertThat(reasons.first()).hasText("name is missing; row skipped — " + SKIPPED + " rows");
        assertThat(reasons).hasCount(1);
        assertThat(job.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Download the skipped rows (CSV)"))).isVisible();
        screenshot(page, "import-finished-many-skipped");
    }

    @Test
    void uploadAFixedFileKeepsThePersonOnTheImportPageWithThePickerReady() throws IOException {
        signIn(page, ALICE);
        openStartPage(page, "/import.html");
        uploadAndCheck(page, csvWithProblems());
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        String id = job.getAttribute("job-id");

        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload a fixed file")).click();

        assertThat(page.locator("#form-note")).hasText("Nothing was imported. Choose the fixed file and upload it again.");
        assertThat(page.locator("#job-area longrun-job")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry"))).hasCount(0);
        assertThat(page.locator("#file")).isFocused();
        assertThat(page.locator(".file-name")).hasText("or drop it here — nothing chosen yet");
        assertThat(page).not().hasURL(java.util.regex.Pattern.compile(".*job=.*"));
        assertThat(api(page, "/api/jobs/" + id).get("status").asString()).isEqualTo("cancelled");
        screenshot(page, "import-upload-fixed-file");

        // From the job's own page, the same button leads to the import page, ready for the fixed file.
        openStartPage(page, "/import.html");
        uploadAndCheck(page, csvWithProblems());
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        page.navigate("/job.html?id=" + job.getAttribute("job-id"));
        page.locator("#job-area longrun-job").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload a fixed file")).click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/import\\.html.*"));
        assertThat(page.locator("#form-note")).hasText("Nothing was imported. Choose the fixed file and upload it again.");
        assertThat(page.locator("#file")).isFocused();
    }

    @Test
    void theSameFilePickedInASecondTabShowsTheImportAlreadyStartedAndAnotherPersonOnThisBrowserGetsTheirOwn() throws IOException {
        // Bad inputs tried: the same file picked in a second tab while the first tab's preview waits (was: a second
        // import job of the same rows, and confirming both imported the rows without an email twice); Bob signing in on
        // the tab Alice signed out of and picking the same file (was: Alice's upload reused, his import failed with "The
        // uploaded file is no longer available", and "Upload again" failed the same way every time).
        signIn(page, ALICE);
        Path csv = csvWithProblems();
        openStartPage(page, "/import.html");
        uploadAndCheck(page, csv);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        String id = job.getAttribute("job-id");

        Page second = context.newPage();
        openStartPage(second, "/import.html");
        uploadAndCheck(second, csv);
        Locator again = second.locator("#job-area longrun-job");
        assertThat(again).hasAttribute("job-id", id);
        assertThat(again.locator(".lr-badge")).hasText("Needs action");
        assertThat(second.locator("#form-note")).hasText(java.util.regex.Pattern.compile(
                "^You already started this (just now|\\d+ s ago|\\d+ min ago) — here it is\\.$"));
        screenshot(second, "import-same-file-second-tab");

        // The first tab closes before the sign-out, or its stream would be refused on the way out.
        page.close();
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        second.waitForURL("**/sign-in.html");
        signIn(second, BOB);
        openStartPage(second, "/import.html");
        uploadAndCheck(second, csv);
        Locator bobs = second.locator("#job-area longrun-job");
        assertThat(bobs.locator(".lr-badge")).hasText("Needs action");
        assertThat(bobs).not().hasAttribute("job-id", id);
        assertThat(bobs.locator(".lr-sentence")).containsText(ROWS + " rows checked");
        screenshot(second, "import-same-file-other-person");
    }

    @Test
    void aFileTheServerNoLongerKeepsIsUploadedAgainWithoutAsking() throws IOException {
        // Bad input tried: the page remembers an upload the server has lost (its id rewritten in the page's storage to
        // one the server never had). The start is refused naming upload_id; the page must then upload the file afresh
        // and start with it, not show the refusal (nor, as before the start checked the upload, a failed import).
        expectTrouble("/api/jobs/start"); // the refused start of the lost upload
        signIn(page, ALICE);
        Path csv = csvWithProblems();
        openStartPage(page, "/import.html");
        uploadAndCheck(page, csv);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        String first = job.getAttribute("job-id");
        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload a fixed file")).click();
        assertThat(page.locator("#job-area longrun-job")).hasCount(0);
        String lostId = "0".repeat(32);
        Object lost = page.evaluate("""
                lostId => Object.keys(localStorage).filter(k => k.startsWith('longrun:upload:')).map(k => {
                  localStorage.setItem(k, JSON.stringify({ ...JSON.parse(localStorage.getItem(k)), upload_id: lostId }));
                  return k;
                }).length""", lostId);
        assertThat(((Number) lost).intValue()).as("uploads the page remembers").isEqualTo(1);

        uploadAndCheck(page, csv);
        assertThat(job.locator(".lr-badge")).hasText("Needs action");
        assertThat(job).not().hasAttribute("job-id", first);
        assertThat(page.locator("#form-note")).not().hasClass(java.util.regex.Pattern.compile(".*is-error.*"));
        String started = api(page, "/api/jobs/" + job.getAttribute("job-id")).get("params").get("upload_id").asString();
        assertThat(started).isNotEqualTo(lostId);
        assertThat((String) page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('longrun:upload:'))"
                + ".map(k => JSON.parse(localStorage.getItem(k)).upload_id).join()")).as("the upload the page now remembers").isEqualTo(started);
        screenshot(page, "import-uploaded-again-after-lost-upload");
    }

    private static void assertInViewport(Locator el, int height) {
        BoundingBox box = el.boundingBox();
        assertThat(box.y).as("top of the decision bar").isGreaterThanOrEqualTo(0);
        assertThat(box.y + box.height).as("bottom of the decision bar").isLessThanOrEqualTo(height + 1);
    }

    /** ROWS contacts with fresh emails (no duplicates of earlier runs), every fourth without a name. */
    private static Path csvWithProblems() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder out = new StringBuilder("name,email,company\n");
        for (int i = 1; i <= ROWS; i++) {
            String name = i % 4 == 0 ? "" : "Person " + i;
            out.append(name).append(",p").append(i).append('.').append(tag).append("@example.com,Acme\n");
        }
        Path file = Files.createTempFile("contacts-" + tag + "-", ".csv");
        Files.writeString(file, out);
        return file;
    }
}
