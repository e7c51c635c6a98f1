package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Without the event stream: polls 1 s → 2 s → 4 s → 10 s apart, revalidated with ETags, and none after the end. */
class PollingBackoffTest extends BrowserTestBase {

    private record Poll(long atMillis, int status, boolean conditional) {
    }

    @Test
    void pollingBacksOffToTenSecondsSendsTheEtagAndStopsWhenTheJobHasEnded() {
        expectTrouble("/api/events"); // blocked on purpose
        List<Poll> polls = Collections.synchronizedList(new ArrayList<>());
        page.route("**/api/events**", Route::abort);
        page.onResponse(r -> {
            if (r.request().method().equals("GET") && r.url().matches(".*/api/jobs/[0-9a-f-]{36}$")) {
                polls.add(new Poll(System.currentTimeMillis(), r.status(), r.request().headers().containsKey("if-none-match")));
            }
        });
        signIn(page, ALICE);
        openStartPage(page, "/wait.html");
        // One step for the whole run: the job does not change between start and end, so polls back off fully.
        page.getByLabel("How long (seconds)").fill("17");
        page.getByLabel("Steps").fill("1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("In progress");
        long runningSeen = System.currentTimeMillis();
        assertThat(job.locator(".lr-badge")).hasText("Completed", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(40_000));
        int afterEnd = polls.size();
        page.waitForTimeout(11_000);
        assertThat(polls).as("no polling once the job has ended").hasSize(afterEnd);

        List<Poll> whileRunning = new ArrayList<>();
        synchronized (polls) {
            for (Poll p : polls) {
                if (p.atMillis() > runningSeen) {
                    whileRunning.add(p);
                }
            }
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < whileRunning.size(); i++) {
            gaps.add(whileRunning.get(i).atMillis() - whileRunning.get(i - 1).atMillis());
        }
        assertThat(gaps).as("gaps between polls while nothing changed").isNotEmpty()
                .allMatch(g -> g >= 800 && g <= 10_900)
                .anyMatch(g -> g >= 9_500);
        for (int i = 1; i < gaps.size() - 1; i++) {
            assertThat(gaps.get(i)).as("each gap at least as long as the one before").isGreaterThanOrEqualTo(gaps.get(i - 1) - 600);
        }
        assertThat(whileRunning).as("polls revalidate with If-None-Match and get 304 while nothing changed")
                .allMatch(Poll::conditional).anyMatch(p -> p.status() == 304);
    }
}
