package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
}
