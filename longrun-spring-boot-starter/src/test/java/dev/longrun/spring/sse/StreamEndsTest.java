package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Finished streams end after the others wrote their frames, and a stream that never writes holds them back only so long. */
class StreamEndsTest {

    @Test
    void aFinishedStreamEndsOnceNoStreamHasChangesLeftToWrite() throws Exception {
        try (StreamEnds ends = new StreamEnds(Duration.ofMinutes(10))) {
            ends.startedWriting();
            ends.startedWriting();
            EndSink finished = new EndSink();
            ends.endAfterFanOut(finished);

            ends.doneWriting();
            Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                    .until(() -> finished.ended.getCount() == 1); // one stream still has its frame to write
            ends.doneWriting();
            assertThat(finished.ended.await(5, TimeUnit.SECONDS)).as("ended once the last stream wrote").isTrue();
        }
    }

    @Test
    void aStreamThatNeverWritesItsChangesHoldsTheEndsBackOnlyUntilTheBound() throws Exception {
        Duration bound = Duration.ofMillis(300);
        try (StreamEnds ends = new StreamEnds(bound)) {
            ends.startedWriting(); // a stream whose client stopped reading: never done
            EndSink finished = new EndSink();
            long queuedAt = System.nanoTime();
            ends.endAfterFanOut(finished);

            assertThat(finished.ended.await(10, TimeUnit.SECONDS)).as("ended despite the stuck stream").isTrue();
            assertThat(Duration.ofNanos(finished.endedAt - queuedAt)).isGreaterThanOrEqualTo(bound);
        }
    }

    @Test
    void closingEndsWhatIsDueAtOnce() throws Exception {
        EndSink finished = new EndSink();
        try (StreamEnds ends = new StreamEnds(Duration.ofMinutes(10))) {
            ends.startedWriting();
            ends.endAfterFanOut(finished);
        }
        assertThat(finished.ended.await(5, TimeUnit.SECONDS)).isTrue();
    }

    /** A response that records when it was ended. */
    static final class EndSink implements FrameSink {
        final CountDownLatch ended = new CountDownLatch(1);
        volatile long endedAt;

        @Override
        public void send(byte[]... parts) {
            throw new AssertionError("nothing is written to a stream that is being ended");
        }

        @Override
        public void complete() {
            endedAt = System.nanoTime();
            ended.countDown();
        }

        @Override
        public void onEnd(Runnable onEnd) {
        }
    }
}
