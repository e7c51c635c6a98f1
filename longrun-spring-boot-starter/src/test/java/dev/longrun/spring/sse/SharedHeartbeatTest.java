package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Longrun;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.security.Caller;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Heartbeats come from the hub's one timer: a waiting stream arms no timer of its own (a timed wait per stream armed
 * and cancelled one in the virtual-thread scheduler at every change), and only a stream that wrote nothing for a whole
 * tick is sent one. The hubs here have an hour's interval, so only the test's own ticks count.
 */
@OnSqlite
class SharedHeartbeatTest extends ApiTestBase {

    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    Longrun longrun;
    @Autowired
    JobViews views;

    @Test
    void aStreamWaitingForChangesWaitsWithoutATimerOfItsOwn() {
        FramesSink sink = new FramesSink();
        try (SseHub hub = new SseHub(longrun, views, JsonMapper.builder().build(), HOUR, 1000)) {
            hub.user(caller(), sink, 1000);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.writer != null);
            // A timed wait (the heartbeat interval as its timeout) would show as TIMED_WAITING for good.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.writer.getState() == Thread.State.WAITING);
        }
    }

    @Test
    void onlyAStreamThatWroteNothingSinceTheLastTickIsSentAHeartbeat() {
        FramesSink sink = new FramesSink();
        try (SseHub hub = new SseHub(longrun, views, JsonMapper.builder().build(), HOUR, 1000)) {
            hub.user(caller(), sink, 1000);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.frames.size() == 1); // where the stream starts
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.writer.getState() == Thread.State.WAITING);

            hub.heartbeatTick(); // it wrote since it opened: nothing to send
            hub.heartbeatTick(); // a whole tick without a write
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.frames.size() == 2);
            assertThat(sink.frames.get(1)).isEqualTo(":heartbeat\n\n");

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.writer.getState() == Thread.State.WAITING);
            hub.heartbeatTick(); // the heartbeat was a write
            hub.heartbeatTick();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.frames.size() == 3);
            assertThat(sink.frames.get(2)).isEqualTo(":heartbeat\n\n");
        }
    }

    private Caller caller() {
        Api.Who who = newUser();
        return new Caller(ACCOUNT, userOf(who), null, Caller.Via.API_KEY);
    }

    /** Keeps every frame as text, and the thread that wrote them (the stream's own). */
    static final class FramesSink implements FrameSink {
        final CopyOnWriteArrayList<String> frames = new CopyOnWriteArrayList<>();
        volatile Thread writer;

        @Override
        public void send(byte[]... parts) {
            StringBuilder frame = new StringBuilder();
            for (byte[] part : parts) {
                frame.append(new String(part, StandardCharsets.UTF_8));
            }
            writer = Thread.currentThread();
            frames.add(frame.toString());
        }

        @Override
        public void complete() {
        }

        @Override
        public void onEnd(Runnable onEnd) {
        }
    }
}
