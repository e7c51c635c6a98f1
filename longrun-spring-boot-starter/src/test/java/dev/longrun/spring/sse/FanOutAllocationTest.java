package dev.longrun.spring.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Longrun;
import dev.longrun.spring.api.JobViews;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import dev.longrun.spring.testapp.Gates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * What one more subscriber of a job costs the heap per change. A change to 1,000 subscribers is 1,000 frames a second:
 * at ~1 KB each the server made a young collection every ~50 s, and its pause hit the changes of that moment.
 */
@OnSqlite
class FanOutAllocationTest extends ApiTestBase {

    private static final int FEW = 10;
    private static final int MANY = 210;

    @Autowired
    Longrun longrun;
    @Autowired
    JobViews views;

    @Test
    void aFrameToOneMoreSubscriberAllocatesLittle() throws InterruptedException {
        fanOut(MANY, 30); // the JIT compiles the paths
        // The engine's own work per change (the step's write, the dispatch, one read and render) is the same for any
        // number of subscribers: the difference between the two runs is what the frames cost. The counter is the
        // whole JVM's, so the application's other threads (claim loop, heartbeats) add to a run the longer it lasts,
        // and the many-subscriber run lasts longer on a busy machine: they only ever add, so the smallest of three
        // measurements is the closest to the frames' own cost.
        List<String> measured = new ArrayList<>();
        long perFrame = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            Run few = fanOut(FEW, 40);
            Run many = fanOut(MANY, 40);
            long bytes = (many.bytes - few.bytes) / (many.frames - few.frames);
            measured.add(bytes + " (" + few + ", " + many + ")");
            perFrame = Math.min(perFrame, bytes);
        }

        // 455-470 bytes with a map per take, boxed versions, an id line and an Optional per frame and a Condition
        // node per wait; 175-235 without them (what is left is the virtual threads' park and unpark)
        assertThat(perFrame).as("heap bytes allocated per frame, smallest of %s", measured).isLessThan(320);
    }

    private record Run(long bytes, long frames) {
    }

    /** Bytes allocated by all threads, and frames sent, over {@code changes} changes of one job to its streams. */
    private Run fanOut(int subscribers, int changes) throws InterruptedException {
        Api.Who who = newUser();
        String g = gate();
        UUID id = UUID.fromString(startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":" + changes + "}"));
        awaitStatus(who, id.toString(), "running");
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (SseHub hub = new SseHub(longrun, views, JsonMapper.builder().build(), Duration.ofMinutes(1), 1000)) {
            List<CountingSink> sinks = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                CountingSink sink = new CountingSink();
                sinks.add(sink);
                hub.job(longrun.get(id).orElseThrow(), null, sink);
            }
            awaitFrames(sinks, 1);
            long framesBefore = frames(sinks);
            long before = threads.getTotalThreadAllocatedBytes();
            for (int step = 0; step < changes; step++) {
                Gates.open(g + "/" + step); // the job writes step + 1 and waits at the next gate
                awaitFrames(sinks, step + 2);
            }
            long bytes = threads.getTotalThreadAllocatedBytes() - before;
            long frames = frames(sinks) - framesBefore;
            Gates.open(g + "/" + changes);
            return new Run(bytes, frames);
        }
    }

    private static void awaitFrames(List<CountingSink> sinks, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (CountingSink sink : sinks) {
            while (sink.frames.get() < atLeast) {
                assertThat(System.nanoTime()).as("frames arrive").isLessThan(deadline);
                Thread.sleep(1);
            }
        }
    }

    private static long frames(List<CountingSink> sinks) {
        long n = 0;
        for (CountingSink sink : sinks) {
            n += sink.frames.get();
        }
        return n;
    }

    /** Counts frames and keeps nothing, so the frames' own cost is what the test measures. */
    private static final class CountingSink implements FrameSink {
        final AtomicLong frames = new AtomicLong();

        @Override
        public void send(byte[]... parts) {
            if (parts[0] != SseFrames.HEARTBEAT) {
                frames.incrementAndGet();
            }
        }

        @Override
        public void complete() {
        }

        @Override
        public void onEnd(Runnable onEnd) {
        }
    }
}
