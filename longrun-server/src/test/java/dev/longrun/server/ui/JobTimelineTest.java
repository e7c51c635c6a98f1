package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The job page reads as a timeline, newest on top: queued, each attempt (the failed one with its error), each step,
 * the end. Its head names the job and carries the id chip; a step job has a real bar and a percent in the tab title.
 */
class JobTimelineTest extends BrowserTestBase {

    /** Every time a timeline entry showed ("running for 2 s", "took 1 s"), however briefly. */
    private static final String STEP_TIMES = """
            window.__stepTimes = [];
            new MutationObserver(() => {
              for (const el of document.querySelectorAll('longrun-timeline .lr-event-time')) {
                const t = el.textContent.trim();
                if (t && !window.__stepTimes.includes(t)) window.__stepTimes.push(t);
              }
            }).observe(document, { subtree: true, childList: true, characterData: true });
            """;

    @Test
    void aRetriedStepJobShowsEveryAttemptAndStepNewestFirstWithARealBarAndPercentInTheTitle() {
        signIn(page, ALICE);
        PageRecorder.install(page);
        page.addInitScript(STEP_TIMES);
        String id = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait",
                "params", Map.of("seconds", 6, "steps", 3, "fail", "transient-once"))).get("id").asString();
        page.navigate("/job.html?id=" + id);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-chip")).hasText("Job " + id.substring(id.length() - 8));
        assertThat(job.locator(".lr-sentence")).hasText(Pattern.compile("Attempt 1 of 3 failed: Simulated temporary problem.*"
                + "Retrying (in \\d+ s|any moment now) — no need to start over\\."));
        screenshot(page, "timeline-retry-backoff");
        assertThat(job.locator(".lr-badge")).hasText("In progress");
        assertThat(page.locator("longrun-timeline .lr-event-title").first()).hasText(Pattern.compile("Step \\d of 3.*"));
        screenshot(page, "timeline-running-step");
        assertThat(job.locator(".lr-badge")).hasText("Completed");

        Locator titles = page.locator("longrun-timeline .lr-event-title");
        assertThat(titles.first()).hasText("Completed");
        List<String> shown = titles.allInnerTexts();
        assertThat(shown.get(shown.size() - 1)).isEqualTo("Queued");
        assertThat(shown).containsSubsequence("Completed", "Step 3 of 3", "Step 1 of 3", "Attempt 2 of 3 started",
                "Attempt 1 of 3 failed", "Attempt 1 of 3 started", "Queued");
        Locator failed = page.locator("longrun-timeline .lr-event-failed");
        assertThat(failed.locator(".lr-event-detail")).containsText("Simulated temporary problem");
        assertThat(failed.locator(".lr-event-time")).containsText(Pattern.compile("took (\\d+ s|under 1 s)"));
        assertThat(job.locator(".lr-facts").first()).containsText(Pattern.compile("took \\d+ s over 2 attempts"));
        screenshot(page, "timeline-completed");
        // A step just begun runs "for under 1 s", as a step that ended that fast "took under 1 s"; never "for 0 s".
        @SuppressWarnings("unchecked")
        List<String> stepTimes = (List<String>) page.evaluate("() => window.__stepTimes");
        assertThat(stepTimes).anyMatch(t -> t.contains("· running for ")).noneMatch(t -> t.contains("running for 0 s"));

        List<Integer> bar = PageRecorder.barValues(page);
        assertThat(bar).as("the step bar moved through real values").anyMatch(v -> v > 0 && v < 100);
        assertThat(PageRecorder.titles(page)).as("the tab title carried a percent while the steps ran")
                .anyMatch(t -> t.matches("\\(\\d+%\\) .+…"));
    }

    @Test
    void aJobCancelledWhileQueuedNeverStarted() {
        signIn(page, ALICE);
        // Held back by a dependency that takes a while, then cancelled before it ever ran.
        String first = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait",
                "params", Map.of("seconds", 30, "steps", 0, "fail", "never"))).get("id").asString();
        String id = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait", "depends_on", first,
                "params", Map.of("seconds", 1, "steps", 0, "fail", "never"))).get("id").asString();
        apiPost(page, "/api/jobs/" + id + "/cancel", Map.of());
        apiPost(page, "/api/jobs/" + first + "/cancel", Map.of());
        page.navigate("/job.html?id=" + id);
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Cancelled");
        assertThat(job.locator(".lr-facts").first()).containsText("never started");
        assertThat(job.locator(".lr-facts").first()).not().containsText("took");
        assertThat(page.locator("longrun-timeline .lr-event-title").first()).hasText("Cancelled before it started");
        page.navigate("/index.html");
        assertThat(page.locator("longrun-jobs li[data-job-id='" + id + "'] .lr-started")).hasText("Never started");
        assertThat(page.locator("longrun-jobs li[data-job-id='" + id + "'] .lr-took")).not().containsText("took");
    }
}
