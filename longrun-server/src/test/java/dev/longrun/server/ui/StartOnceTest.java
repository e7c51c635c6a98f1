package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An impatient person: double clicks, presses Enter twice, refreshes mid-job, starts again from a second tab, closes the
 * tab. One job, always.
 */
class StartOnceTest extends BrowserTestBase {

    @Test
    void doubleClickAndEnterTwiceAndStartingAgainAfterRefreshGiveOneJob() {
        signIn(page, ALICE);
        int seconds = 600 + ThreadLocalRandom.current().nextInt(2000); // unique params: this test's job only
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill(String.valueOf(seconds));
        page.getByLabel("Steps").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).dblclick();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText(java.util.regex.Pattern.compile("Queued|In progress"));
        page.getByLabel("How long (seconds)").press("Enter");
        page.getByLabel("How long (seconds)").press("Enter");
        String first = job.getAttribute("job-id");
        assertThat(page.locator("#form-note")).not().containsText("already started");

        // A refresh, then the same form sent again from a clean page: still the same job.
        page.reload();
        assertThat(page.locator("#job-area longrun-job")).hasAttribute("job-id", first);
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill(String.valueOf(seconds));
        page.getByLabel("Steps").fill("0");
        page.getByLabel("How long (seconds)").press("Enter");
        assertThat(page.locator("#job-area longrun-job")).hasAttribute("job-id", first);
        // The server answered 200 with the earlier job, not 202: the page says so instead of "started".
        assertThat(page.locator("#form-note")).hasText(java.util.regex.Pattern.compile(
                "^You already started this (just now|\\d+ s ago|\\d+ min ago) — here it is\\.$"));
        screenshot(page, "start-once-indeterminate");

        List<JsonNode> mine = jobsOfType(page, "demo.wait").stream()
                .filter(j -> j.get("params").get("seconds").asInt() == seconds).toList();
        assertThat(mine).hasSize(1);
        apiPost(page, "/api/jobs/" + first + "/cancel", java.util.Map.of());
    }

    @Test
    void theSameStartFromASecondTabShowsTheJobTheFirstTabStarted() {
        // Bad input tried: the same demo job (same seconds, steps, ending) started in one tab, then again in a second tab
        // of the same browser. Each tab kept its own Idempotency-Key, so the second tab started a second job and said
        // "Demo job started." like the first.
        signIn(page, ALICE);
        int seconds = 600 + ThreadLocalRandom.current().nextInt(2000); // unique params: this test's job only
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill(String.valueOf(seconds));
        page.getByLabel("Steps").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText(java.util.regex.Pattern.compile("Queued|In progress"));
        String first = job.getAttribute("job-id");

        Page second = context.newPage();
        openStartPage(second, "/wait.html");
        second.getByLabel("How long (seconds)").fill(String.valueOf(seconds));
        second.getByLabel("Steps").fill("0");
        second.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        assertThat(second.locator("#job-area longrun-job")).hasAttribute("job-id", first);
        assertThat(second.locator("#form-note")).hasText(java.util.regex.Pattern.compile(
                "^You already started this (just now|\\d+ s ago|\\d+ min ago) — here it is\\.$"));
        screenshot(second, "start-once-second-tab");

        List<JsonNode> mine = jobsOfType(page, "demo.wait").stream()
                .filter(j -> j.get("params").get("seconds").asInt() == seconds).toList();
        assertThat(mine).hasSize(1);
        apiPost(page, "/api/jobs/" + first + "/cancel", java.util.Map.of());
    }

    @Test
    void refreshMidJobShowsTheSameJobStillMovingAndTheJobsListKeepsItAfterTheTabCloses() {
        signIn(page, ALICE);
        PageRecorder.install(page);
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill("9");
        page.getByLabel("Steps").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-sentence")).containsText(java.util.regex.Pattern.compile("step 1 of 3", java.util.regex.Pattern.CASE_INSENSITIVE));
        screenshot(page, "demo-running-steps");
        String id = job.getAttribute("job-id");
        // A bar leaving its sliding (indeterminate) look jumps to its value: animating down from the slider's 30 %
        // to "0%" looked like progress going backwards. Read at once, with the page's own stylesheet and module.
        Object widths = page.evaluate("""
                async () => {
                  const { drawBar } = await import('/longrun/longrun-job-parts.js');
                  const bar = document.createElement('div');
                  bar.className = 'lr-bar';
                  bar.append(Object.assign(document.createElement('div'), { className: 'lr-fill' }));
                  document.body.append(bar);
                  const job = { status: 'running', type: 'demo.wait' };
                  drawBar(bar, job, false);
                  getComputedStyle(bar.firstElementChild).width;
                  drawBar(bar, { ...job, total_steps: 3, current_step: 1, progress_pct: 0 }, false);
                  const atZero = parseFloat(getComputedStyle(bar.firstElementChild).width);
                  bar.remove();
                  return atZero;
                }""");
        assertThat(((Number) widths).doubleValue()).as("the fill's width right after the bar showed 0 %").isZero();

        page.reload();
        Locator again = page.locator("#job-area longrun-job");
        assertThat(again).hasAttribute("job-id", id);
        assertThat(again.locator(".lr-badge")).hasText("In progress");
        assertThat(again.locator(".lr-sentence")).containsText(java.util.regex.Pattern.compile("step 2 of 3", java.util.regex.Pattern.CASE_INSENSITIVE));
        assertThat(again.locator(".lr-leave")).hasText("You can leave this page — we’ll notify you when it’s ready.");

        page.close();
        Page list = context.newPage();
        list.navigate("/index.html");
        Locator row = list.locator("li[data-job-id='" + id + "']");
        assertThat(row).isVisible();
        assertThat(row.locator(".lr-badge")).hasText("Completed");
        screenshot(list, "jobs-list");
    }
}
