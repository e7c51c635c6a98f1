package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Route;
import dev.longrun.format.HumanFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Status reaches the screen without the event stream too; a finished job is announced on another page. */
class LiveUpdatesTest extends BrowserTestBase {

    @Test
    void withTheEventStreamBlockedTheStatusStillUpdatesByPolling() {
        expectTrouble("/api/events"); // blocked on purpose
        AtomicInteger streamAttempts = new AtomicInteger();
        AtomicInteger polls = new AtomicInteger();
        // The one route intercept of these tests: it stands for a proxy that breaks Server-Sent Events.
        page.route("**/api/events**", route -> {
            streamAttempts.incrementAndGet();
            route.abort();
        });
        page.onRequest(r -> {
            if (r.method().equals("GET") && r.url().matches(".*/api/jobs/[0-9a-f-]{36}$")) {
                polls.incrementAndGet();
            }
        });
        signIn(page, ALICE);
        PageRecorder.install(page);
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill("8");
        page.getByLabel("Steps").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("In progress");
        assertThat(job.locator(".lr-updated")).containsText("checking for changes every few seconds");
        screenshot(page, "demo-running-polling");
        assertThat(job.locator(".lr-badge")).hasText("Completed");
        assertThat(PageRecorder.texts(page)).anyMatch(t -> t.matches("(?i).*step [12] of 2.*"));
        assertThat(streamAttempts.get()).isPositive();
        assertThat(polls.get()).isGreaterThan(2);
    }

    @Test
    void aJobFinishingWhileThePersonIsOnAnotherPageShowsAToast() {
        signIn(page, ALICE);
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill("3");
        page.getByLabel("Steps").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        assertThat(page.locator("#job-area longrun-job .lr-badge")).hasText("In progress");
        page.navigate("/index.html");
        Locator toast = page.locator(".lr-toast");
        assertThat(toast.locator(".lr-toast-title")).hasText("Demo: wait is done");
        assertThat(toast.locator(".lr-toast-mark svg")).isVisible();
        assertThat(page.locator(".lr-bell-count")).isVisible();
        screenshot(page, "toast-on-jobs-page");
    }

    /**
     * A job that started and finished after the list was read and before its event stream opened sent its events to
     * nobody: the list reads itself again once the stream is live, so the row and the All count show it.
     */
    @Test
    void aJobThatFinishedWhileTheListOpenedItsStreamIsListedAndCountedOnceTheStreamIsLive() {
        signIn(page, ALICE);
        List<Route> held = holdEventStreams(page);
        AtomicInteger lists = answered(page, "counts=true"); // the list and its counts, read together
        // The page's timers stand still from its load until the stream is let through: neither its open timeout
        // (4 s) nor the list's polling without a stream (every 10 s) may find the job first, only the stream going
        // live. (Pausing once the page had loaded raced its clock: "Cannot fast-forward to the past" in a CI run.)
        pauseTimersFromNextLoad(page);
        page.reload();
        Locator list = page.locator("longrun-jobs");
        Locator all = list.locator(".lr-tab[data-status=''] .lr-tab-count");
        page.waitForCondition(() -> !held.isEmpty() && lists.get() >= 1);
        assertThat(all).hasText(java.util.regex.Pattern.compile("\\d"));
        int before = Integer.parseInt(all.textContent().replace(",", ""));
        String id = apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait", "params", Map.of("seconds", 0, "steps", 0, "fail", "never")))
                .get("id").asString();
        awaitServer("the job succeeded", () -> "succeeded".equals(api(page, "/api/jobs/" + id).get("status").asString()));
        assertThat(list.locator("li[data-job-id='" + id + "']")).hasCount(0);

        page.clock().resume();
        releaseEventStreams(page, held);
        assertThat(list.locator("li[data-job-id='" + id + "'] .lr-badge")).hasText("Completed");
        assertThat(all).hasText(HumanFormat.number(before + 1));
        screenshot(page, "jobs-list-after-a-late-stream");
    }
}
