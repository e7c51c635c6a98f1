package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.SseStream;
import dev.longrun.spring.testapp.Gates;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Server-Sent Events read by a real SSE client: order, resume with Last-Event-ID, end of stream, heartbeats. */
public abstract class EventStreamContract extends ApiTestBase {

    @Autowired
    private Longrun longrun;
    @Autowired
    private SseHub hub;

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void jobStreamSendsTheJobAtOnceThenEachChangeInOrderAndEndsAfterTheTerminalState() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":3}");
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");
            SseStream.Frame first = sse.nextEvent(WAIT);
            assertThat(first.event()).isEqualTo("job");
            assertThat(first.json().get("id").asString()).isEqualTo(id);
            assertThat(first.id()).isEqualTo(first.json().get("version").asString());
            long lastVersion = Long.parseLong(first.id());
            Gates.open(g + "/0");
            for (int step = 1; step <= 3; step++) {
                JsonNode at = null;
                while (at == null || at.path("current_step").asInt(0) < step) {
                    SseStream.Frame f = sse.nextEvent(WAIT);
                    assertThat(f).as("an event before step " + step).isNotNull();
                    assertThat(f.end()).as("stream still open at step " + step).isFalse();
                    assertThat(Long.parseLong(f.id())).as("versions strictly increase").isGreaterThan(lastVersion);
                    lastVersion = Long.parseLong(f.id());
                    at = f.json();
                    assertThat(at.path("current_step").asInt(0)).as("never skips back").isLessThanOrEqualTo(step);
                }
                Gates.open(g + "/" + step);
            }
            SseStream.Frame last;
            do {
                last = sse.nextEvent(WAIT);
                assertThat(last).isNotNull();
            } while (!last.end() && !last.json().get("status").asString().equals("succeeded"));
            assertThat(last.end()).as("the terminal snapshot is sent before the end").isFalse();
            SseStream.Frame end = sse.nextEvent(WAIT);
            assertThat(end).isNotNull();
            assertThat(end.end()).as("stream ends after the terminal state").isTrue();
        }
    }

    @Test
    void lastEventIdResumesWithoutLossOrDuplicates() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":2}");
        Gates.open(g + "/0");
        awaitStep(who, id, 1);
        String seen;
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())) {
            SseStream.Frame f = sse.nextEvent(WAIT);
            assertThat(f.json().get("current_step").asInt()).isEqualTo(1);
            seen = f.id();
        }
        Gates.open(g + "/1");
        awaitStep(who, id, 2);
        Map<String, String> resume = new HashMap<>(who.headers());
        resume.put("Last-Event-ID", seen);
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", resume)) {
            SseStream.Frame f = sse.nextEvent(WAIT);
            assertThat(Long.parseLong(f.id())).isGreaterThan(Long.parseLong(seen));
            assertThat(f.json().get("current_step").asInt()).as("the change made while away arrives first").isEqualTo(2);
            seen = f.id();
        }
        resume.put("Last-Event-ID", seen);
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", resume)) {
            assertThat(sse.nextEvent(Duration.ofMillis(700))).as("nothing new: no duplicate of the version already seen").isNull();
            Gates.open(g + "/2");
            SseStream.Frame f = sse.nextEvent(WAIT);
            while (!f.end() && !f.json().get("status").asString().equals("succeeded")) {
                f = sse.nextEvent(WAIT);
            }
            assertThat(f.end()).isFalse();
            seen = f.id();
        }
        resume.put("Last-Event-ID", seen);
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", resume)) {
            assertThat(sse.status()).as("a client that has the final state is told to stop reconnecting").isEqualTo(204);
        }
    }

    @Test
    void streamOfAFinishedJobSendsTheFinalSnapshotThenEnds() throws Exception {
        Api.Who who = newUser();
        String id = startId(who, "test.fail", "{\"reason\":\"done already\"}");
        awaitStatus(who, id, "failed");
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())) {
            SseStream.Frame f = sse.nextEvent(WAIT);
            assertThat(f.json().get("status").asString()).isEqualTo("failed");
            assertThat(f.json().get("error_message").asString()).isEqualTo("done already");
            assertThat(sse.nextEvent(WAIT).end()).isTrue();
            assertThat(sse.header("Connection")).as("an ended stream does not keep Tomcat's request buffers on a kept-alive connection")
                    .isEqualToIgnoringCase("close");
        }
    }

    @Test
    void aStreamWhoseClientWentAwayIsDroppedByTheServer() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        // Streams of earlier tests end with their clients; each goes at its next heartbeat.
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> hub.subscriberCount() == 0);
        try {
            // HTTP/1.1 as a browser speaks it (the shared client first offers an h2c upgrade)
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            java.util.List<SseStream> streams = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                streams.add(SseStream.open(http, api.base() + "/api/jobs/" + id + "/events", who.headers()));
            }
            for (SseStream s : streams) {
                assertThat(s.nextEvent(WAIT)).isNotNull();
            }
            assertThat(hub.subscriberCount()).isEqualTo(3);
            for (SseStream s : streams) {
                s.close();
            }
            // The next heartbeat's write fails on a closed connection: the subscriber and its thread go.
            org.awaitility.Awaitility.await().atMost(WAIT).until(() -> hub.subscriberCount() == 0);
        } finally {
            StartAndReadGates.openAll(g, 1);
        }
    }

    @Test
    void heartbeatsKeepAnIdleStreamAlive() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/jobs/" + id + "/events", who.headers())) {
            assertThat(sse.nextEvent(WAIT)).isNotNull();
            SseStream.Frame f;
            do {
                f = sse.next(WAIT);
            } while (f != null && !f.comment() && !f.end());
            assertThat(f).isNotNull();
            assertThat(f.comment()).as("a heartbeat comment within the configured interval").isTrue();
        } finally {
            StartAndReadGates.openAll(g, 1);
        }
    }

    @Test
    void userStreamCarriesAllOfTheCallersJobsAndNoOneElses() throws Exception {
        Api.Who who = newUser();
        Api.Who other = newUser();
        String g = gate();
        String mine = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        String token = tokens.mintUserToken(ACCOUNT, userOf(who));
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/events?access_token=" + token, Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            SseStream.Frame initial = sse.nextEvent(WAIT);
            assertThat(initial.json().get("id").asString()).isEqualTo(mine);
            String theirs = startId(other, "test.fail", "{\"reason\":\"not yours\"}");
            String second = startId(who, "test.fail", "{\"reason\":\"yours\"}");
            boolean sawSecond = false;
            for (int i = 0; i < 20 && !sawSecond; i++) {
                SseStream.Frame f = sse.nextEvent(WAIT);
                assertThat(f).isNotNull();
                assertThat(f.json().get("id").asString()).isNotEqualTo(theirs);
                sawSecond = f.json().get("id").asString().equals(second) && f.json().get("status").asString().equals("failed");
            }
            assertThat(sawSecond).isTrue();
        } finally {
            StartAndReadGates.openAll(g, 1);
        }
    }

    @Test
    void userStreamResumesFromLastEventIdWithTheJobsThatChangedWhileAway() throws Exception {
        Api.Who who = newUser();
        String token = tokens.mintUserToken(ACCOUNT, userOf(who));
        String url = api.base() + "/api/events?access_token=" + token;
        String lastId = idOfAFinishedJobsLastFrame(who, url);
        String whileAway = startId(who, "test.fail", "{\"reason\":\"while away\"}");
        awaitStatus(who, whileAway, "failed");

        try (SseStream sse = SseStream.open(api.http(), url, Map.of("Last-Event-ID", lastId))) {
            assertThat(sse.status()).isEqualTo(200);
            SseStream.Frame f;
            do {
                f = nextJobFrame(sse);
                assertThat(Long.parseLong(f.id())).isGreaterThanOrEqualTo(Long.parseLong(lastId));
            } while (!f.json().get("id").asString().equals(whileAway));
            assertThat(f.json().get("status").asString()).isEqualTo("failed");
        }
        try (SseStream fresh = SseStream.open(api.http(), url, Map.of())) {
            assertThat(fresh.nextEvent(Duration.ofMillis(700))).as("a new stream sends active jobs only").isNull();
        }
    }

    @Test
    void userStreamAsksForAReloadWhenMoreJobsChangedWhileAwayThanItWouldReplay() throws Exception {
        Api.Who who = newUser();
        String user = userOf(who);
        String url = api.base() + "/api/events?access_token=" + tokens.mintUserToken(ACCOUNT, user);
        String lastId = idOfAFinishedJobsLastFrame(who, url);
        // 501 jobs started while away (one more than a resume replays), scheduled for tomorrow so none of them runs.
        StartOptions tomorrow = StartOptions.forUser(ACCOUNT, user).runAfter(clock.instant().plus(Duration.ofDays(1)));
        longrun.startAll(IntStream.range(0, 501)
                .mapToObj(i -> new StartRequest("test.fail", Map.of("reason", "away " + i), tomorrow)).toList());

        try (SseStream sse = SseStream.open(api.http(), url, Map.of("Last-Event-ID", lastId))) {
            assertThat(sse.status()).isEqualTo(200);
            SseStream.Frame f = sse.nextEvent(WAIT);
            assertThat(f).as("a first frame").isNotNull();
            assertThat(f.event()).as("too much changed to replay: the client is told to reload its list").isEqualTo("resync");
            SseStream.Frame next = nextJobFrame(sse);
            assertThat(next.json().get("status").asString()).as("then the active jobs (the ones waiting for tomorrow), as a new stream sends").isEqualTo("pending");
        }
    }

    /** On a user stream: starts a job that fails at once and returns the id of the frame of its final state. */
    private String idOfAFinishedJobsLastFrame(Api.Who who, String url) throws Exception {
        try (SseStream sse = SseStream.open(api.http(), url, Map.of())) {
            String first = startId(who, "test.fail", "{\"reason\":\"before\"}");
            SseStream.Frame f;
            do {
                f = nextJobFrame(sse);
                assertThat(f.id()).as("user stream job frames carry ids").matches("\\d+");
            } while (!(f.json().get("id").asString().equals(first) && f.json().get("status").asString().equals("failed")));
            return f.id();
        }
    }

    /** The next {@code job} frame (user streams also carry {@code notification} frames, without ids of their own). */
    private static SseStream.Frame nextJobFrame(SseStream sse) throws InterruptedException {
        SseStream.Frame f;
        do {
            f = sse.nextEvent(WAIT);
            assertThat(f).as("a job frame").isNotNull();
            assertThat(f.end()).isFalse();
        } while (!"job".equals(f.event()));
        return f;
    }

    @Test
    void userStreamRefusesALastEventIdItDidNotIssue() throws Exception {
        String token = tokens.mintUserToken(ACCOUNT, userOf(newUser()));
        Api.Res r = api.get("/api/events?access_token=" + token).header("Last-Event-ID", "yesterday").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
    }

    /** Opens a test.steps job's gates. */
    static final class StartAndReadGates {
        static void openAll(String gate, int steps) {
            for (int i = 0; i <= steps; i++) {
                Gates.open(gate + "/" + i);
            }
        }
    }
}
