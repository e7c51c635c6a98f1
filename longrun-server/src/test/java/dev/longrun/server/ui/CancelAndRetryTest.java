package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cancel says what it does and shows "Cancelling…"; a failure says what failed; Retry, Start over are separate, and
 * Retry is offered only where it can help (not after a permanent failure, not for an expired upload).
 */
class CancelAndRetryTest extends BrowserTestBase {

    @Test
    void cancelOfARunningJobShowsCancellingThenCancelledAndLeavesNoResult() {
        signIn(page, ALICE);
        PageRecorder.install(page);
        startDemo(60, 0, "never");
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("In progress");
        // No honest percentage for this job: an indeterminate bar with the elapsed time instead.
        assertThat(job.locator("[role=progressbar]")).not().hasAttribute("aria-valuenow", Pattern.compile(".*"));
        assertThat(job.locator(".lr-facts")).containsText("Running for");
        assertThat(job.locator(".lr-effect")).hasText("If you cancel: The demo stops; nothing else changes.");
        screenshot(page, "demo-running-indeterminate");

        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel demo job")).click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("The demo stops; nothing else changes.");
        screenshot(page, "cancel-confirm");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel demo job")).click();

        assertThat(job.locator(".lr-badge")).hasText("Cancelled");
        assertThat(PageRecorder.texts(page)).contains("Cancelling…");
        // Screen readers hear the change once, from the live region.
        assertThat(job.locator("[aria-live=polite]")).containsText("Demo: wait: Cancelled.");
        assertThat(job.locator(".lr-file")).hasCount(0);
        assertThat(job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry"))).isVisible();
        assertThat(job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start over"))).isVisible();
        // Cancelled on purpose: Retry is offered, not urged, here and on the job's row in the list.
        assertThat(page.locator(".lr-primary:visible")).hasCount(0);
        screenshot(page, "demo-cancelled");
        String cancelledId = job.getAttribute("job-id");
        page.navigate("/index.html");
        Locator row = page.locator("longrun-jobs li[data-job-id='" + cancelledId + "']");
        assertThat(row.locator(".lr-badge")).hasText("Cancelled");
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry Demo: wait"))).isVisible();
        assertThat(row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry Demo: wait"))).not().hasClass(Pattern.compile(".*lr-primary.*"));
        JsonNode api = api(page, "/api/jobs/" + cancelledId);
        assertThat(api.get("status").asString()).isEqualTo("cancelled");
        assertThat(api.get("result").isNull() || api.get("result").get("url") == null || api.get("result").get("url").isNull()).isTrue();
    }

    @Test
    void aPermanentFailureSaysWhatFailedAndOffersStartOverNotARetryBoundToFailAgain() {
        signIn(page, ALICE);
        startDemo(1, 0, "permanent");
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Failed");
        String failedId = job.getAttribute("job-id");
        JsonNode failed = api(page, "/api/jobs/" + failedId);
        String error = failed.get("error_message").asString();
        assertThat(error).isNotBlank().doesNotContainIgnoringCase("something went wrong");
        assertThat(failed.get("error").get("retryable").asBoolean()).isFalse();
        assertThat(job.locator(".lr-sentence")).hasText(error);
        assertThat(job.locator(".lr-next")).containsText("Running it again as it is would fail the same way");
        // Retry only where it can help: the same inputs fail the same way, so the way on is Start over.
        assertThat(job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry"))).hasCount(0);
        assertThat(job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start over"))).hasClass(Pattern.compile(".*lr-primary.*"));
        screenshot(page, "demo-failed");

        job.locator("details summary").click();
        assertThat(job.locator(".lr-id")).hasText(failedId);
        assertThat(job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Copy job ID").setExact(true))).isVisible();
        screenshot(page, "demo-failed-details");
    }

    @Test
    void retryOfACancelledJobStartsANewJobWithTheSameInputs() {
        signIn(page, ALICE);
        startDemo(45, 0, "never");
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("In progress");
        String cancelledId = job.getAttribute("job-id");
        apiPost(page, "/api/jobs/" + cancelledId + "/cancel", java.util.Map.of());
        assertThat(job.locator(".lr-badge")).hasText("Cancelled");

        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry")).click();
        assertThat(job).not().hasAttribute("job-id", cancelledId);
        assertThat(page).hasURL(Pattern.compile(".*job=(?!" + cancelledId + ").*"));
        JsonNode retried = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        assertThat(retried.get("retry_of").asString()).isEqualTo(cancelledId);
        assertThat(retried.get("params")).isEqualTo(api(page, "/api/jobs/" + cancelledId).get("params"));
        apiPost(page, "/api/jobs/" + job.getAttribute("job-id") + "/cancel", java.util.Map.of());
    }

    @Test
    void anImportWhoseUploadExpiredOffersUploadAgainInsteadOfRetry() {
        signIn(page, ALICE);
        // An upload that expires while its preview waits: the start found it, the confirmed run does not.
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String upload = uploadCsv(page, "expiring.csv", "name,email,company\r\nGone " + tag + ",gone-" + tag + "@example.com,Acme\r\n");
        String id = apiPost(page, "/api/jobs/start", java.util.Map.of("type", "contacts.import",
                "params", java.util.Map.of("upload_id", upload))).get("id").asString();
        awaitServer("the import's preview", () -> "needs_action".equals(api(page, "/api/jobs/" + id).get("status").asString()));
        removeUpload(upload);
        apiPost(page, "/api/jobs/" + id + "/confirm", java.util.Map.of());
        awaitServer("the import to fail", () -> "failed".equals(api(page, "/api/jobs/" + id).get("status").asString()));
        assertThat(api(page, "/api/jobs/" + id).get("error_message").asString()).startsWith("The uploaded file is no longer available");
        page.navigate("/job.html?id=" + id);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Failed");
        assertThat(job.locator(".lr-sentence")).containsText("no longer available");
        assertThat(job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry"))).hasCount(0);
        Locator again = job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload again"));
        assertThat(again).hasClass(Pattern.compile(".*lr-primary.*"));
        assertThat(job.locator(".lr-next")).containsText("use “Upload again” to go on");
        screenshot(page, "import-upload-expired");
        // In the jobs list too, the row offers no Retry.
        page.navigate("/index.html");
        assertThat(page.locator("longrun-jobs li[data-job-id='" + id + "'] .lr-badge")).hasText("Failed");
        assertThat(page.locator("longrun-jobs li[data-job-id='" + id + "']").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(Pattern.compile("^Retry")))).hasCount(0);
        page.navigate("/job.html?id=" + id);
        job.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload again")).click();
        page.waitForURL(Pattern.compile(".*/import\\.html.*"));
        assertThat(page.getByLabel("CSV file")).isVisible();
    }

    @Test
    void aTemporaryProblemIsSaidPlainlyAndTheJobStillCompletes() {
        signIn(page, ALICE);
        PageRecorder.install(page);
        startDemo(2, 2, "transient-once");
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        assertThat(PageRecorder.texts(page)).anyMatch(t -> t.startsWith("Attempt ") && t.toLowerCase(java.util.Locale.ROOT).contains("no need to start over"));
        screenshot(page, "demo-completed-after-retry");
    }

    @Test
    void startOverFromTheJobPageGoesBackToTheFormWithTheInputsKept() {
        signIn(page, ALICE);
        startDemo(1, 3, "permanent");
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Failed");
        String id = job.getAttribute("job-id");

        page.navigate("/job.html?id=" + id);
        assertThat(page).hasTitle("✕ Demo: wait failed");
        screenshot(page, "job-page-failed");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start over")).click();
        page.waitForURL("**/wait.html?from=" + id);
        assertThat(page.getByLabel("How long (seconds)")).hasValue("1");
        assertThat(page.getByLabel("Steps")).hasValue("3");
        assertThat(page.getByLabel("How it ends")).hasValue("permanent");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job"))).isEnabled();
    }

    @Test
    void startOverOfADuplicateSearchGoesBackToItsForm() {
        signIn(page, ALICE);
        // A search held back behind a demo job (depends_on), then cancelled: it stops before it starts, every time.
        String first = apiPost(page, "/api/jobs/start", java.util.Map.of("type", "demo.wait",
                "params", java.util.Map.of("seconds", 120, "steps", 0, "fail", "never"))).get("id").asString();
        String id = apiPost(page, "/api/jobs/start", java.util.Map.of("type", "contacts.dedupe",
                "params", java.util.Map.of("threshold", 0.97), "depends_on", first)).get("id").asString();
        apiPost(page, "/api/jobs/" + id + "/cancel", java.util.Map.of());
        apiPost(page, "/api/jobs/" + first + "/cancel", java.util.Map.of());

        page.navigate("/job.html?id=" + id);
        assertThat(page.locator("longrun-job .lr-badge")).hasText("Cancelled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start over")).click();
        page.waitForURL("**/dedupe.html?from=" + id);
        assertThat(page.getByLabel("How alike names must be")).hasValue("0.97");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find duplicates"))).isEnabled();
    }

    private void startDemo(int seconds, int steps, String fail) {
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill(String.valueOf(seconds));
        page.getByLabel("Steps").fill(String.valueOf(steps));
        page.getByLabel("How it ends").selectOption(fail);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("View status"))).isVisible();
    }
}
