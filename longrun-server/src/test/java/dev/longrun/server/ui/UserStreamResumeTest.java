package dev.longrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.longrun.testing.TcpProxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The user stream ({@code GET /api/events}) resumes with a real WHATWG EventSource: Chromium's. The page reaches the
 * server through a proxy; the proxy drops the connection and refuses new ones while two jobs finish, then lets the
 * browser's own reconnect through. The reconnect carries {@code Last-Event-ID}, and the stream answers with both
 * jobs' final states, which a new stream (active jobs only) would never send.
 */
class UserStreamResumeTest extends BrowserTestBase {

    private static final String OPEN_STREAM = """
            () => {
              window.lrFrames = []; window.lrOpens = 0; window.lrErrors = 0;
              const es = new EventSource('/api/events');
              es.onopen = () => window.lrOpens++;
              es.onerror = () => window.lrErrors++;
              es.addEventListener('job', e => window.lrFrames.push({ id: e.lastEventId, job: JSON.parse(e.data) }));
            }""";

    @Test
    void chromiumsEventSourceGetsTheJobsThatFinishedWhileItWasAway() throws Exception {
        try (TcpProxy proxy = new TcpProxy(port)) {
            BrowserContext viaProxy = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://127.0.0.1:" + proxy.port()));
            try {
                Page p = viaProxy.newPage();
                // Only kept here: a Playwright call from inside an event listener (allHeaders() asks the browser)
                // can wait forever for an answer the listener itself holds up; the headers are read afterwards.
                List<com.microsoft.playwright.Request> streams = new CopyOnWriteArrayList<>();
                p.onRequest(r -> {
                    if (r.url().contains("/api/events")) {
                        streams.add(r);
                    }
                });
                signIn(p, BOB);
                p.navigate("/sign-in.html"); // a page without streams of its own
                p.evaluate(OPEN_STREAM);
                p.waitForFunction("() => window.lrOpens >= 1");

                String first = startWait(p, 2);
                p.waitForFunction("id => window.lrFrames.some(f => f.job.id === id)", first);
                proxy.cut();
                awaitSucceeded(p, first);
                String whileAway = startWait(p, 1);
                awaitSucceeded(p, whileAway);
                p.waitForFunction("() => window.lrErrors >= 1");
                proxy.restore();

                p.waitForFunction("ids => ids.every(id => window.lrFrames.some(f => f.job.id === id && f.job.status === 'succeeded'))",
                        List.of(first, whileAway), new Page.WaitForFunctionOptions().setTimeout(30_000));
                assertThat(((Number) p.evaluate("() => window.lrOpens")).intValue()).as("reconnected by itself").isGreaterThanOrEqualTo(2);
                assertThat(String.valueOf(streams.getLast().allHeaders().get("last-event-id")))
                        .as("the reconnect carried Last-Event-ID").matches("\\d+");
                List<Long> ids = ((List<?>) p.evaluate("() => window.lrFrames.map(f => Number(f.id))")).stream()
                        .map(n -> ((Number) n).longValue()).toList();
                assertThat(ids).as("ids never go back").isSorted();

                p.evaluate(OPEN_STREAM.replace("new EventSource('/api/events')", "new EventSource('/api/events?fresh=1')"));
                p.waitForFunction("() => window.lrOpens >= 1");
                p.waitForTimeout(1_000);
                assertThat((Boolean) p.evaluate("id => window.lrFrames.some(f => f.job.id === id)", whileAway))
                        .as("a new stream sends active jobs only: the finished job came from the resume").isFalse();
            } finally {
                viaProxy.close();
            }
        }
    }

    private String startWait(Page p, int seconds) {
        return apiPost(p, "/api/jobs/start", Map.of("type", "demo.wait", "params", Map.of("seconds", seconds, "steps", 0)))
                .get("id").asString();
    }

    private void awaitSucceeded(Page p, String id) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> {
                    JsonNode job = api(p, "/api/jobs/" + id);
                    return job.get("status").asString().equals("succeeded");
                });
    }
}
