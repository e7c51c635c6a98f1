package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Longrun;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.security.Caller;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A subscriber whose client stopped reading never holds up the workers or the other subscribers, and is dropped. */
@OnSqlite
class SlowSubscriberTest extends ApiTestBase {

    @Autowired
    Longrun longrun;
    @Autowired
    JobViews views;

    @Test
    void subscriberThatStopsReadingIsDroppedWhileWorkersAndOtherSubscribersCarryOn() {
        Api.Who who = newUser();
        Caller caller = new Caller(ACCOUNT, userOf(who), null, Caller.Via.API_KEY);
        CountDownLatch neverRead = new CountDownLatch(1);
        try (SseHub hub = new SseHub(longrun, views, tools.jackson.databind.json.JsonMapper.builder().build(), Duration.ofMinutes(1), 1000)) {
            hub.user(caller, new StuckSink(neverRead), 4); // dropped once 4 different jobs wait for it
            RecordingSink fast = new RecordingSink();
            hub.user(caller, fast, 1000);
            assertThat(hub.subscriberCount()).isEqualTo(2);

            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ids.add(startId(who, "test.steps", "{\"steps\":" + i + "}"));
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> "succeeded".equals(job(who, id).get("status").asString())));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(fast.succeeded).containsAll(ids));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscriberCount() == 1);
        } finally {
            neverRead.countDown();
        }
    }

    @Test
    void aJobSubscriberThatStopsReadingHoldsUpNeitherTheOthersFinalFrameNorTheEndOfTheirStreams() {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        dev.longrun.Job job = longrun.get(java.util.UUID.fromString(id)).orElseThrow();
        CountDownLatch neverRead = new CountDownLatch(1);
        try (SseHub hub = new SseHub(longrun, views, tools.jackson.databind.json.JsonMapper.builder().build(), Duration.ofMinutes(1), 1000)) {
            hub.job(job, null, new StuckSink(neverRead));
            List<RecordingSink> readers = List.of(new RecordingSink(), new RecordingSink(), new RecordingSink());
            readers.forEach(r -> hub.job(job, null, r));

            EventStreamContract.StartAndReadGates.openAll(g, 1);
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> readers.stream().allMatch(r -> r.succeeded.contains(id)));
            // The stuck stream never writes its final frame; the others' ends wait for it at most StreamEnds.MAX_WAIT.
            Awaitility.await().atMost(StreamEnds.MAX_WAIT.plusSeconds(5)).until(() -> readers.stream().allMatch(r -> r.completed));
            assertThat(hub.subscriberCount()).as("only the stuck stream is left").isEqualTo(1);
        } finally {
            neverRead.countDown();
        }
    }

    /** At shutdown a stuck stream holds the end of the others up only for the patience given, then is cut off. */
    @Test
    void atShutdownAStuckStreamIsCutOffAfterThePatienceAndAStreamOpenedLaterEndsAtOnce() {
        Caller caller = new Caller(ACCOUNT, userOf(newUser()), null, Caller.Via.API_KEY);
        CountDownLatch neverRead = new CountDownLatch(1);
        try (SseHub hub = new SseHub(longrun, views, tools.jackson.databind.json.JsonMapper.builder().build(), Duration.ofMinutes(1), 1000)) {
            hub.user(caller, new StuckSink(neverRead), 4);
            RecordingSink reading = new RecordingSink();
            hub.user(caller, reading, 1000);
            // Past its first read (its first frame sent), so the patience below only has to cover its wake-up.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> reading.frames > 0);

            hub.endStreams(StreamsShutdown.PATIENCE);
            assertThat(reading.completed).as("the reading stream ended cleanly").isTrue();
            assertThat(hub.subscriberCount()).as("the stuck stream was cut off").isZero();

            RecordingSink late = new RecordingSink();
            hub.user(caller, late, 1000);
            assertThat(late.completed).as("a stream opened during shutdown ends at once").isTrue();
            assertThat(hub.subscriberCount()).isZero();
        } finally {
            neverRead.countDown();
        }
    }

    /** Blocks on every send, like a write to a client whose TCP window stays full. */
    static final class StuckSink implements FrameSink {
        private final CountDownLatch released;

        StuckSink(CountDownLatch released) {
            this.released = released;
        }

        @Override
        public void send(byte[]... parts) throws IOException {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("client gone");
            }
        }

        @Override
        public void complete() {
        }

        @Override
        public void onEnd(Runnable onEnd) {
        }
    }

    /** Remembers the jobs it was sent as succeeded, and whether the stream was ended. */
    static final class RecordingSink implements FrameSink {
        final Set<String> succeeded = ConcurrentHashMap.newKeySet();
        volatile boolean completed;
        volatile int frames;

        @Override
        public void send(byte[]... parts) {
            frames++; // one writer thread per sink
            java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
            for (byte[] part : parts) {
                frame.writeBytes(part);
            }
            for (String line : frame.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("data:{")) {
                    var job = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line.substring(5));
                    if (job.has("status") && job.get("status").asString().equals("succeeded")) {
                        succeeded.add(job.get("id").asString());
                    }
                }
            }
        }

        @Override
        public void complete() {
            completed = true;
        }

        @Override
        public void onEnd(Runnable onEnd) {
        }
    }
}
