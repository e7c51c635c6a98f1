package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A job waiting for a free slot says so and where it stands; "Cancel all unfinished" stops every unfinished job;
 * "Clear finished" hides them from the list and the History filter still shows them.
 */
class QueueAndBulkTest extends BrowserTestBase {

    /** The newest of the given jobs that a worker runs now (waits until one does). */
    private String newestRunning(List<String> ids) {
        String[] found = new String[1];
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            for (int i = ids.size() - 1; i >= 0; i--) {
                if ("running".equals(api(page, "/api/jobs/" + ids.get(i)).get("status").asString())) {
                    found[0] = ids.get(i);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** A status tab of the jobs list by its label (its accessible name is "In progress, 3 jobs"). */
    private static Locator tab(Locator list, String label) {
        return list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^" + label + ", ")));
    }

    /** The server's worker count (longrun.worker.concurrency default). */
    private static final int WORKERS = dev.longrun.LongrunBuilder.DEFAULT_CONCURRENCY;

    @Test
    void aQueuedJobSaysItIsWaitingAndCancelAllStopsEveryUnfinishedJob() {
        signIn(page, ALICE);
        List<String> busy = new ArrayList<>();
        try {
            fillWorkersThenCheckTheListAndBulkActions(busy);
        } finally {
            // A failure half way must not leave 300 s jobs holding the shared server's workers for later test classes.
            apiPost(page, "/api/jobs/cancel-all", Map.of());
        }
    }

    private void fillWorkersThenCheckTheListAndBulkActions(List<String> busy) {
        for (int i = 0; i < WORKERS; i++) {
            busy.add(apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait",
                    "params", Map.of("seconds", 300 + i, "steps", 0, "fail", "never"))).get("id").asString());
        }
        openStartPage(page, "/wait.html");
        page.getByLabel("How long (seconds)").fill("5");
        page.getByLabel("Steps").fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start demo job")).click();
        Locator job = page.locator("#job-area longrun-job");
        assertThat(job.locator(".lr-badge")).hasText("Queued");
        assertThat(job.locator(".lr-facts")).containsText("Waiting for");
        JsonNode queued = api(page, "/api/jobs/" + job.getAttribute("job-id"));
        if (!queued.get("queue_position").isNull()) {
            assertThat(job.locator(".lr-queue")).containsText("Position " + queued.get("queue_position").asInt() + " of ");
        }
        screenshot(page, "demo-queued");

        // The server is shared with the other browser tests, whose jobs may still hold a few workers: which busy
        // job runs is not fixed, so the list is shown filtered to running jobs and checked for one that runs now.
        String running = newestRunning(busy);
        page.navigate("/index.html?status=running");
        Locator list = page.locator("longrun-jobs");
        assertThat(list.locator("li[data-job-id='" + running + "'] .lr-badge")).hasText("In progress");
        screenshot(page, "jobs-list-running");
        // The list's first page shows the newest jobs: the last of the busy ones is on it.
        String newest = busy.get(busy.size() - 1);
        // Filters: only running demo jobs, and the address keeps them for a refresh.
        page.getByLabel("Type").selectOption("demo.wait");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*type=demo\\.wait.*"));
        tab(list, "In progress").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*status=running.*"));
        assertThat(list.locator("li[data-job-id] .lr-badge")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("Completed|Failed|Cancelled|Queued")))).hasCount(0);
        assertThat(list.locator("li[data-job-id='" + running + "']")).isVisible();
        page.reload();
        assertThat(tab(list, "In progress")).hasAttribute("aria-pressed", "true");
        assertThat(page.getByLabel("Type")).hasValue("demo.wait");
        tab(list, "All").click();
        page.getByLabel("Type").selectOption("");
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel all unfinished")).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, cancel them")).click();
        // The note follows the jobs it speaks of: once all have stopped it says so (it kept saying "Cancel requested
        // for 33 jobs." under rows that all read Cancelled). The busy jobs wait 300 s and the demo job is queued behind
        // them, so none can finish first.
        assertThat(list.locator(".lr-jobs-note")).hasText((WORKERS + 1) + " jobs cancelled.");
        assertThat(list.locator("li[data-job-id='" + newest + "'] .lr-badge")).hasText("Cancelled");
        for (String id : busy) {
            assertThat(api(page, "/api/jobs/" + id).get("status").asString()).isEqualTo("cancelled");
        }
        assertThat(list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel all unfinished"))).isDisabled();
        screenshot(page, "jobs-list-after-cancel-all");

        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Clear finished")).click();
        // The dialog says exactly what clearing does: hide, not delete; history and notifications stay.
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("nothing is deleted");
        assertThat(dialog).containsText("under the History tab");
        assertThat(dialog).containsText("Your notifications stay too");
        screenshot(page, "jobs-clear-finished-dialog");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, clear them")).click();
        assertThat(list.locator(".lr-jobs-note")).containsText("from the list. They are still under the History tab.");
        assertThat(list.locator("li[data-job-id='" + newest + "']")).hasCount(0);
        assertThat(api(page, "/api/jobs?limit=100&status=succeeded,failed,cancelled").get("jobs").size()).isZero();
        assertThat(api(page, "/api/jobs?limit=100&history=true&status=cancelled").get("jobs").toString()).contains(busy);

        tab(list, "History").click();
        assertThat(list.locator("li[data-job-id='" + newest + "'] .lr-badge")).hasText("Cancelled");
        screenshot(page, "jobs-history");
    }
}
