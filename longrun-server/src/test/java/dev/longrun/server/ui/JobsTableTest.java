package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The jobs list as a table a person scans at once: running rows first, then waiting ones (with their place in line),
 * then finished ones by completion time, each named by what it works on; status tabs whose counts equal the rows they
 * show; bulk actions that appear only while rows are selected; stacked rows on a 375 px phone; cleared jobs marked
 * under History.
 */
class JobsTableTest extends BrowserTestBase {

    private static final int WORKERS = dev.longrun.LongrunBuilder.DEFAULT_CONCURRENCY;
    /** The list's page size in this test: room for every job it starts. */
    private static final int PAGE = 100;
    private static final Pattern POSITION = Pattern.compile("Position (\\d+) of (\\d+) in line");

    @Test
    void rowsAreOrderedRunningWaitingFinishedAndTabCountsEqualTheRowsAndBulkActionsFollowTheSelection() {
        signIn(page, ALICE);
        try {
            checkTheTable();
        } finally {
            // Long demo jobs must not hold the shared server's workers for later test classes.
            apiPost(page, "/api/jobs/cancel-all", Map.of());
        }
    }

    private void checkTheTable() {
        // A list of this test's own jobs: earlier classes' finished jobs are cleared (they stay under History).
        apiPost(page, "/api/jobs/clear-finished", Map.of());
        String export = start("contacts.export", Map.of("query", "Turing"));
        String failed = start("demo.wait", Map.of("seconds", 0, "steps", 0, "fail", "permanent"));
        awaitStatus(export, "succeeded");
        awaitStatus(failed, "failed");
        String older = start("contacts.export", Map.of("query", "Lovelace"));
        awaitStatus(older, "succeeded");
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            busy.add(start("demo.wait", Map.of("seconds", 300 + i, "steps", 0, "fail", "never")));
        }
        String queued = start("demo.wait", Map.of("seconds", 5, "steps", 0, "fail", "never"));
        String queuedToo = start("demo.wait", Map.of("seconds", 6, "steps", 0, "fail", "never"));

        page.navigate("/index.html");
        Locator list = page.locator("longrun-jobs");
        // A page that holds every job of this test: a worker per busy job, two in line, three finished.
        list.evaluate("el => el.setAttribute('limit', '" + PAGE + "')");
        Locator rows = list.locator("li[data-job-id]");
        assertThat(list.locator("li[data-job-id='" + queuedToo + "'] .lr-badge")).hasText("Queued");
        assertThat(list.locator("li[data-job-id='" + busy.get(busy.size() - 1) + "'] .lr-badge")).hasText("In progress");
        assertThat(list.locator("li[data-job-id='" + export + "'] .lr-badge")).hasText("Completed");

        // Running first, then waiting, then finished — whatever order they were started in.
        List<String> badges = rows.locator(".lr-badge").allInnerTexts();
        List<Integer> ranks = badges.stream().map(JobsTableTest::rank).toList();
        assertThat(ranks).as("row states top to bottom: %s", badges).isSorted();
        assertThat(ranks).contains(0, 1, 2);
        // Finished rows by completion time, the most recent first (the Lovelace export was started and finished last).
        List<String> finishedIds = ((List<?>) list.locator("ul[aria-label='Finished'] li[data-job-id]")
                .evaluateAll("rows => rows.map(r => r.dataset.jobId)")).stream().map(String::valueOf).toList();
        assertThat(finishedIds).startsWith(older);
        List<Instant> completed = finishedIds.stream().map(id -> Instant.parse(api(page, "/api/jobs/" + id).get("completed_at").asString())).toList();
        assertThat(completed).as("completion times of the finished rows").isSortedAccordingTo(java.util.Comparator.reverseOrder());

        // Each row says what it works on; a waiting row its place in line, never above the count it is of.
        assertThat(list.locator("li[data-job-id='" + export + "'] .lr-title")).containsText("matching “Turing”");
        assertThat(list.locator("li[data-job-id='" + queued + "'] .lr-title")).containsText("Job " + queued.substring(queued.length() - 8));
        Locator queuedFacts = list.locator("li[data-job-id='" + queuedToo + "'] .lr-facts");
        assertThat(queuedFacts).containsText(POSITION);
        Matcher m = POSITION.matcher(queuedFacts.innerText());
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isLessThanOrEqualTo(Integer.parseInt(m.group(2)));
        JsonNode finishedExport = api(page, "/api/jobs/" + export);
        assertThat(list.locator("li[data-job-id='" + export + "'] .lr-facts"))
                .containsText(dev.longrun.format.HumanFormat.count(finishedExport.get("result").get("row_count").asLong(), "row"));
        assertThat(list.locator("li[data-job-id='" + export + "'] .lr-took")).containsText("took ");
        assertThat(list.locator("li[data-job-id='" + export + "'] .lr-started")).containsText("Started");
        // A job that ran for a moment took "under 1 s", never "0 s".
        assertThat(list.locator("li[data-job-id='" + failed + "'] .lr-took")).hasText("took under 1 s");
        screenshot(page, "jobs-table");
        // On a phone the rows stack, nothing runs off the side, and the times say what they are.
        page.setViewportSize(375, 812);
        assertThat(list.locator("li[data-job-id='" + export + "'] .lr-started .lr-cell-label")).isVisible();
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at 375 px").isLessThanOrEqualTo(0);
        Locator exportRow = list.locator("li[data-job-id='" + export + "']");
        double nameBottom = exportRow.locator(".lr-cell-name").boundingBox().y + exportRow.locator(".lr-cell-name").boundingBox().height;
        assertThat(exportRow.locator(".lr-cell-progress").boundingBox().y).as("progress below the name").isGreaterThanOrEqualTo(nameBottom - 1);
        // Stacked rows keep clear of the card's right edge, and every tab with its count is on screen (a strip that
        // scrolled sideways hid the selected tab off the edge).
        var rowBox = exportRow.boundingBox();
        var tookBox = exportRow.locator(".lr-took").boundingBox();
        assertThat(rowBox.x + rowBox.width - (tookBox.x + tookBox.width)).as("room right of the duration").isGreaterThanOrEqualTo(8);
        for (Locator each : list.locator(".lr-tab").all()) {
            var box = each.boundingBox();
            assertThat(box.x).as("left edge of tab %s", each.innerText()).isGreaterThanOrEqualTo(0);
            assertThat(box.x + box.width).as("right edge of tab %s", each.innerText()).isLessThanOrEqualTo(375);
        }
        page.setViewportSize(1280, 800);

        // Every tab's count is the number of rows it shows; past one page (History holds every earlier test's jobs)
        // the rows shown are one page and the list says "Showing 100 of N".
        for (String tab : List.of("All", "In progress", "Queued", "Completed", "Failed", "Cancelled", "History")) {
            tab(list, tab).click();
            assertThat(list.locator(".lr-tab[aria-pressed=true] .lr-tab-label")).hasText(tab);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                // Read in one go, so the counts and the rows are of the same render.
                List<?> seen = (List<?>) list.evaluate("el => [el.querySelector('.lr-tab[aria-pressed=true] .lr-tab-count').textContent,"
                        + " el.querySelectorAll('li[data-job-id]').length, el.querySelector('.lr-jobs-shown').textContent]");
                int counted = Integer.parseInt(String.valueOf(seen.get(0)).replace(",", ""));
                int shown = ((Number) seen.get(1)).intValue();
                assertThat(shown).as("rows on the %s tab, whose count is %d", tab, counted).isEqualTo(Math.min(counted, PAGE));
                assertThat(String.valueOf(seen.get(2))).as("the page note on the %s tab", tab)
                        .isEqualTo(counted > PAGE ? "Showing " + PAGE + " of " + seen.get(0) : "");
            });
            if (tab.equals("Queued")) {
                screenshot(page, "jobs-table-queued-tab");
            }
        }
        assertThat(page).hasURL(Pattern.compile(".*status=history.*"));
        tab(list, "All").click();

        // Bulk actions appear only with a selection, and offer what fits the selected rows.
        Locator bulk = list.getByRole(AriaRole.REGION, new Locator.GetByRoleOptions().setName("Actions for the selected jobs"));
        assertThat(bulk).isHidden();
        list.locator("li[data-job-id='" + export + "'] .lr-select-box").check();
        list.locator("li[data-job-id='" + failed + "'] .lr-select-box").check();
        list.locator("li[data-job-id='" + queued + "'] .lr-select-box").check();
        assertThat(bulk).isVisible();
        assertThat(bulk).containsText("3 selected");
        assertThat(bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel 1 job"))).isVisible();
        assertThat(bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Retry 1 job"))).isVisible();
        assertThat(bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Download selected results (1)"))).isVisible();
        screenshot(page, "jobs-table-selected");
        bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel 1 job")).click();
        // A queued job is cancelled at once: the note says it is done, not that it was asked for.
        assertThat(list.locator(".lr-jobs-note")).hasText("1 job cancelled.");
        assertThat(list.locator("li[data-job-id='" + queued + "'] .lr-badge")).hasText("Cancelled");
        assertThat(bulk).isHidden();
        assertThat(list.locator("li[data-job-id='" + queued + "'] .lr-started")).hasText("Never started");
    }

    /**
     * What each painted frame showed of one job: its group and its badge. A row that changed status moves to its group
     * at once; before, it said "Completed" under "In progress" until the list had loaded again (300 ms and a round trip
     * later: seen in a newcomer's screenshot).
     */
    private static final String FRAMES = """
            window.__shown = [];
            const look = () => {
              for (const li of document.querySelectorAll('longrun-jobs ul.lr-jobs-list > li[data-job-id]')) {
                const badge = li.querySelector('.lr-badge');
                const seen = li.dataset.jobId + '|' + li.parentElement.getAttribute('aria-label') + '|' + (badge ? badge.textContent.trim() : '');
                if (!window.__shown.includes(seen)) window.__shown.push(seen);
              }
              requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
            """;

    @Test
    void aRowThatChangesStatusIsInItsNewGroupInTheSameFrame() {
        page.addInitScript(FRAMES);
        signIn(page, ALICE);
        // Running, back to waiting for its retry, running again, completed: three moves between groups.
        String id = start("demo.wait", Map.of("seconds", 2, "steps", 0, "fail", "transient-once"));
        Locator done = page.locator("longrun-jobs ul[aria-label='Finished'] li[data-job-id='" + id + "'] .lr-badge");
        assertThat(done).hasText("Completed");
        List<String> shown = new ArrayList<>();
        for (Object seen : (List<?>) page.evaluate("() => window.__shown")) {
            String[] f = seen.toString().split("\\|", -1);
            if (f[0].equals(id)) {
                shown.add(f[1] + ": " + f[2]);
            }
        }
        assertThat(shown).as("each group and badge the job's row was painted with").contains("Running: In progress", "Finished: Completed")
                .allMatch(s -> s.equals("Running: In progress") || s.startsWith("Waiting: ") && !s.matches(".*(In progress|Completed|Failed|Cancelled)")
                        || s.equals("Finished: Completed"));
    }

    /** A finished job is counted under its new tab at once too, not when the list has loaded again (held here). */
    @Test
    void aJobThatFinishedIsCountedUnderItsNewTabBeforeTheListLoadsAgain() {
        // The rows and the tab counts come in one answer, read at one moment: asked apart, a job that finished
        // between the two reads was listed under one tab and counted under the other.
        java.util.concurrent.atomic.AtomicInteger apart = answered(page, "/api/jobs/counts");
        signIn(page, ALICE);
        Locator list = page.locator("longrun-jobs");
        String id = start("demo.wait", Map.of("seconds", 3, "steps", 0, "fail", "never"));
        assertThat(list.locator("ul[aria-label='Running'] li[data-job-id='" + id + "']")).hasCount(1);
        assertThat(tab(list, "In progress").locator(".lr-tab-count")).hasText("1");
        int completed = Integer.parseInt(tab(list, "Completed").locator(".lr-tab-count").textContent().replace(",", ""));
        // From now on the list cannot load again: what it shows comes from the event stream alone.
        List<com.microsoft.playwright.Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.route("**/api/jobs?**", held::add);

        assertThat(list.locator("ul[aria-label='Finished'] li[data-job-id='" + id + "'] .lr-badge")).hasText("Completed");
        assertThat(tab(list, "In progress").locator(".lr-tab-count")).hasText("0");
        assertThat(tab(list, "Completed").locator(".lr-tab-count")).hasText(dev.longrun.format.HumanFormat.number(completed + 1));
        screenshot(page, "jobs-list-moved-before-reload");
        page.unroute("**/api/jobs?**");
        held.forEach(com.microsoft.playwright.Route::resume);
        assertThat(apart.get()).as("requests for the counts alone").isZero();
    }

    @Test
    void aClearedJobIsMarkedClearedUnderHistory() {
        signIn(page, ALICE);
        String id = start("demo.wait", Map.of("seconds", 0, "steps", 0, "fail", "never"));
        awaitStatus(id, "succeeded");
        page.navigate("/index.html");
        Locator list = page.locator("longrun-jobs");
        Locator row = list.locator("li[data-job-id='" + id + "']");
        assertThat(row.locator(".lr-badge")).hasText("Completed");
        assertThat(row.locator(".lr-cleared")).isHidden();
        list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Clear finished")).click();
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Yes, clear them")).click();
        assertThat(row).hasCount(0);
        tab(list, "History").click();
        assertThat(row.locator(".lr-cleared")).hasText("Cleared");
        assertThat(row.locator(".lr-cleared")).hasAttribute("title", Pattern.compile("Cleared from your list at .*kept in History"));
        assertThat(api(page, "/api/jobs/" + id).get("cleared_at").isNull()).isFalse();
        screenshot(page, "jobs-history-cleared");
        page.navigate("/job.html?id=" + id);
        assertThat(page.locator("#job-area longrun-job .lr-cleared")).hasText("Cleared");
    }

    /** A status tab by its label; its accessible name is "In progress, 32 jobs". */
    private static Locator tab(Locator list, String label) {
        return list.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^" + label + ", ")));
    }

    /** 0 running, 1 waiting (queued or needs action), 2 finished. */
    private static int rank(String badge) {
        return switch (badge.strip()) {
            case "In progress" -> 0;
            case "Queued", "Needs action" -> 1;
            default -> 2;
        };
    }

    private String start(String type, Map<String, Object> params) {
        return apiPost(page, "/api/jobs/start", Map.of("type", type, "params", params)).get("id").asString();
    }

    private void awaitStatus(String id, String status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> status.equals(api(page, "/api/jobs/" + id).get("status").asString()));
    }
}
