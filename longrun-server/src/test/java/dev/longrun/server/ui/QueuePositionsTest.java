package dev.longrun.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A queue position never exceeds the count it is "of": not while a job waits out a retry's backoff (it says the
 * attempt failed and when it retries instead), not while a report waits for its export (it names and links it).
 */
class QueuePositionsTest extends BrowserTestBase {

    private static final int WORKERS = 32; // the default longrun.worker.concurrency
    private static final Pattern POSITION = Pattern.compile("Position ([\\d,]+) of ([\\d,]+)");

    /** Every position, sentence and fact any longrun-job on the page showed, however briefly. */
    private static final String RECORDER = """
            (() => {
              const seen = [];
              window.__longrunTexts = seen;
              const look = () => {
                for (const el of document.querySelectorAll('longrun-job .lr-queue, longrun-job .lr-sentence, longrun-job .lr-facts')) {
                  const t = el.hidden ? '' : el.textContent.trim();
                  if (t && !seen.includes(t)) seen.push(t);
                }
                for (const a of document.querySelectorAll('longrun-job a.lr-dependency')) {
                  const t = 'link ' + a.getAttribute('href');
                  if (!seen.includes(t)) seen.push(t);
                }
              };
              new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
            })();
            """;

    @Test
    void noPositionExceedsItsTotalAcrossRetryBackoffAndDependencyWaits() {
        signIn(page, ALICE);
        context.addInitScript(RECORDER);
        List<String> busy = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            busy.add(apiPost(page, "/api/jobs/start", Map.of("type", "demo.wait",
                    "params", Map.of("seconds", 6 + i % 8, "steps", i / 8, "fail", "never"))).get("id").asString());
        }
        // Behind the busy workers: a queued job, one that will fail once and wait to retry, and a report after an export.
        String queued = start("demo.wait", Map.of("seconds", 1, "steps", 0, "fail", "never"), null);
        String flaky = start("demo.wait", Map.of("seconds", 2, "steps", 2, "fail", "transient-once"), null);
        String export = start("contacts.export", Map.of("query", "b"), null);
        String report = start("reports.generate", Map.of(), export);
        page.navigate("/index.html");
        Page reportPage = context.newPage();
        reportPage.navigate("/job.html?id=" + report);
        Page flakyPage = context.newPage();
        flakyPage.navigate("/job.html?id=" + flaky);

        List<String> ids = List.of(queued, flaky, export, report);
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        boolean sawBackoff = false;
        boolean shotWaiting = false;
        while (Instant.now().isBefore(until)) {
            boolean allDone = true;
            for (String id : ids) {
                JsonNode j = api(page, "/api/jobs/" + id);
                String status = j.get("status").asString();
                allDone &= List.of("succeeded", "failed", "cancelled").contains(status);
                // Waiting out the backoff (its next start still ahead); once it has passed, the job is back in line.
                boolean backoff = "pending".equals(status) && j.get("attempt").asInt() >= 1
                        && Instant.parse(j.get("run_after").asString()).isAfter(Instant.now().plusMillis(500));
                boolean waiting = !j.get("waiting_for").isNull();
                sawBackoff |= backoff;
                if (waiting && id.equals(report) && !shotWaiting && reportPage.locator("#job-area a.lr-dependency").count() > 0) {
                    screenshot(reportPage, "report-waits-for-export");
                    shotWaiting = true;
                }
                if (backoff || waiting) {
                    assertThat(j.get("queue_position").isNull()).as("a job waiting to retry or for another job is not in line: %s", j).isTrue();
                } else if (!j.get("queue_position").isNull()) {
                    assertThat(j.get("queue_position").asInt()).as("%s", j).isBetween(1, j.get("queue_size").asInt());
                }
            }
            if (allDone) {
                break;
            }
            page.waitForTimeout(100);
        }
        assertThat(api(page, "/api/jobs/" + report).get("status").asString()).isEqualTo("succeeded");
        assertThat(api(page, "/api/jobs/" + flaky).get("attempt").asInt()).isEqualTo(2);
        // The backoff lasts about a second: polled from the start, the API is seen in it on a quiet machine; the
        // pages' recorders (below) see it in any case.
        if (!sawBackoff) {
            System.out.println("QueuePositionsTest: the API polls missed the 1 s backoff; the pages' recorded texts are checked");
        }
        screenshot(flakyPage, "retried-job-completed");

        List<String> texts = new ArrayList<>();
        for (Page p : List.of(page, reportPage, flakyPage)) {
            for (Object t : (List<?>) p.evaluate("() => window.__longrunTexts")) {
                texts.add(String.valueOf(t));
            }
        }
        for (String t : texts) {
            Matcher m = POSITION.matcher(t);
            while (m.find()) {
                assertThat(Integer.parseInt(m.group(1).replace(",", ""))).as(t).isLessThanOrEqualTo(Integer.parseInt(m.group(2).replace(",", "")));
            }
        }
        assertThat(texts).as("the retry said so, with the error and when").anyMatch(t ->
                t.matches("Attempt 1 of 3 failed: .+\\. Retrying (in \\d+ s|any moment now) — no need to start over\\."));
        assertThat(texts).as("the queued job had its place in line").anyMatch(t -> POSITION.matcher(t).find());
        assertThat(texts).as("the report named the export it waited for").anyMatch(t -> t.matches(
                "Waiting for Export contacts \\((started|queued) \\d{1,2}:\\d\\d( [AP]M)?\\) to finish\\. It starts by itself after that\\."));
        assertThat(texts).as("and linked it").contains("link job.html?id=" + export);
        assertThat(flakyPage.locator("#job-area .lr-facts").first()).containsText("over 2 attempts");
    }

    private String start(String type, Map<String, Object> params, String dependsOn) {
        Map<String, Object> body = dependsOn == null ? Map.of("type", type, "params", params)
                : Map.of("type", type, "params", params, "depends_on", dependsOn);
        return apiPost(page, "/api/jobs/start", body).get("id").asString();
    }
}
