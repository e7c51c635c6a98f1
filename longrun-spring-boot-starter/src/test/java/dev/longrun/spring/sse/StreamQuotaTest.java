package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.longrun.spring.config.LongrunProperties;
import dev.longrun.spring.security.Caller;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import dev.longrun.spring.support.SseStream;
import dev.longrun.spring.testapp.Gates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One person's open event streams are bounded ({@code longrun.sse.max-streams-per-user}), so a script cannot fill the
 * node's memory with them; each stream's place comes back however it ends (closed by the client, ended by the server
 * at the job's final state), and other people are not affected. Tried: the cap on user streams, on job streams, the
 * two mixed, a refused stream's answer, and a thousand job streams that end by themselves one after another.
 */
@OnSqlite
class StreamQuotaTest extends ApiTestBase {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    private LongrunProperties properties;
    @Autowired
    private EventsController events;

    private Caller caller(Api.Who who) {
        return new Caller(ACCOUNT, userOf(who), null, Caller.Via.API_KEY);
    }

    private SseStream stream(Api.Who who, String path) throws Exception {
        return SseStream.open(api.http(), api.base() + path, who.headers());
    }

    @Test
    void aPersonsStreamsAreBoundedAndComeBackWhenClosed() throws Exception {
        int cap = properties.getSse().getMaxStreamsPerUser();
        Api.Who alice = newUser();
        String g = gate();
        String job = startId(alice, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}"); // waits at its gate: streams stay open
        List<SseStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < cap; i++) {
                SseStream s = stream(alice, i % 2 == 0 ? "/api/events" : "/api/jobs/" + job + "/events");
                open.add(s);
                assertThat(s.status()).as("stream " + (i + 1) + " of " + cap).isEqualTo(200);
            }
            assertThat(events.streamsHeld(caller(alice))).isEqualTo(cap);

            for (String path : List.of("/api/events", "/api/jobs/" + job + "/events")) {
                Api.Res refused = api.get(path).as(alice).send();
                assertThat(refused.status()).as(path).isEqualTo(429);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
                assertThat(refused.header("Retry-After")).isEqualTo("30");
                assertThat(refused.json().get("detail").asString())
                        .contains(cap + " live status streams open").contains("Close some of them");
            }
            assertThat(events.streamsHeld(caller(alice))).as("a refused stream holds no place").isEqualTo(cap);

            Api.Who bob = newUser();
            try (SseStream other = stream(bob, "/api/events")) {
                assertThat(other.status()).as("another person is not affected").isEqualTo(200);
            }

            open.remove(0).close();
            await().atMost(WAIT).until(() -> events.streamsHeld(caller(alice)) == cap - 1);
            SseStream again = stream(alice, "/api/events");
            open.add(again);
            assertThat(again.status()).as("a closed stream's place is free again").isEqualTo(200);
        } finally {
            open.forEach(SseStream::close);
            Gates.open(g + "/0");
            Gates.open(g + "/1");
        }
        await().atMost(WAIT).until(() -> events.streamsHeld(caller(alice)) == 0);
    }

    @Test
    void streamsThatEndByThemselvesGiveTheirPlaceBack() throws Exception {
        Api.Who carol = newUser();
        String id = startId(carol, "test.fail", "{\"reason\":\"over\"}");
        await().atMost(WAIT).until(() -> api.get("/api/jobs/" + id).as(carol).send().json().get("status").asString().equals("failed"));
        int streams = properties.getSse().getMaxStreamsPerUser() * 3;
        for (int i = 0; i < streams; i++) {
            try (SseStream s = stream(carol, "/api/jobs/" + id + "/events")) {
                assertThat(s.status()).as("stream " + (i + 1) + " of a finished job").isEqualTo(200);
                assertThat(s.nextEvent(WAIT).json().get("status").asString()).isEqualTo("failed");
                assertThat(s.nextEvent(WAIT).end()).as("the server ends it after the final state").isTrue();
            }
        }
        await().atMost(WAIT).until(() -> events.streamsHeld(caller(carol)) == 0);
    }
}
