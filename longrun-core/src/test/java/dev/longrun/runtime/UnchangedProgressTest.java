package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handler that reports the same progress again (a waiting loop repeating its sentence every slice) must not bump
 * the job's version: each bump makes every watching browser fetch the whole job again (a 200 instead of a 304, a
 * frame on every event stream). Found by the HTTP benchmark, whose cached reads of a waiting job stopped being 304s.
 */
class UnchangedProgressTest {

    record Report(String kind) {
    }

    @TempDir
    Path dataDir;

    private final CountDownLatch reported = new CountDownLatch(1);
    private final CountDownLatch repeat = new CountDownLatch(1);
    private Longrun longrun;

    @AfterEach
    void close() {
        repeat.countDown();
        longrun.close();
    }

    private Longrun engine() {
        JobType<Report> type = JobType.builder("test.repeat", Report.class, ctx -> {
            report(ctx, ctx.params().kind());
            reported.countDown();
            if (!repeat.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the handler");
            }
            for (int i = 0; i < 1_000; i++) {
                report(ctx, ctx.params().kind()); // the same as before, every time
            }
            return JobResult.done();
        }).build();
        return Longrun.builder().dataDir(dataDir).concurrency(2).pollInterval(Duration.ofMillis(50))
                .progressFlushInterval(Duration.ofMillis(20)).register(type).build();
    }

    private static void report(dev.longrun.JobContext<Report> ctx, String kind) {
        switch (kind) {
            case "indeterminate" -> ctx.indeterminate("Waiting for the other system");
            case "step" -> ctx.step(1, 3, "Working on step 1 of 3");
            default -> ctx.progress(5, 10, "Sent 5 of 10");
        }
    }

    @Test
    void repeatingAnIndeterminateSentenceWritesItOnce() throws Exception {
        assertOnlyTheFinishBumpsTheVersion("indeterminate");
    }

    @Test
    void repeatingTheSameStepWritesItOnce() throws Exception {
        assertOnlyTheFinishBumpsTheVersion("step");
    }

    @Test
    void repeatingTheSameCountWritesItOnce() throws Exception {
        assertOnlyTheFinishBumpsTheVersion("count");
    }

    private void assertOnlyTheFinishBumpsTheVersion(String kind) throws Exception {
        longrun = engine();
        Job job = longrun.start("test.repeat", Map.of("kind", kind), StartOptions.forUser("acme", "alice")).job();
        assertThat(reported.await(20, TimeUnit.SECONDS)).as("handler reported").isTrue();
        // the first report is written (claim +1, progress +1)
        await().atMost(Duration.ofSeconds(20)).until(() -> longrun.get(job.id()).orElseThrow().progressMessage() != null);
        long written = longrun.get(job.id()).orElseThrow().version();
        assertThat(written).isEqualTo(job.version() + 2);
        repeat.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> longrun.get(job.id()).orElseThrow().status() == JobStatus.SUCCEEDED);
        // 1,000 unchanged reports, then the handler's last flush: nothing to write; only the finish bumps the version
        assertThat(longrun.get(job.id()).orElseThrow().version()).isEqualTo(written + 1);
    }
}
