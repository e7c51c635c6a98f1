package dev.longrun.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.RetryPolicy;
import dev.longrun.StartOptions;
import dev.longrun.store.EmbeddedDatabase;
import dev.longrun.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job_events triggers record what a job's timeline shows: queued, each attempt's start and outcome (a failed
 * one with its error and when the next starts), each step, the end; and the run time sums every attempt.
 * By default on an embedded SQLite file per test; the PostgreSQL subclass overrides the database.
 */
abstract class JobHistoryContract {

    private final String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    private final SettableClock clock = SettableClock.startingAt("2026-11-28T14:00:00Z");

    @TempDir
    Path dataDir;

    private HikariDataSource embedded;
    private Longrun longrun;
    private JobHistory history;

    DataSource dataSource() {
        if (embedded == null) {
            embedded = EmbeddedDatabase.open(dataDir);
        }
        return embedded;
    }

    String schema() {
        return "longrun";
    }

    @BeforeEach
    void startEngine() {
        // Fails its first attempt after 10 s of clock time; the second runs two steps of 5 s each.
        JobType<Map> flaky = JobType.builder("h.flaky", Map.class, ctx -> {
            if (ctx.attempt() == 1) {
                clock.advance(Duration.ofSeconds(10));
                throw new IllegalStateException("The mail server did not answer");
            }
            ctx.step(1, 2, "Reading contacts");
            // Progress is coalesced: steps a few milliseconds apart would reach the database as one change.
            await().atMost(Duration.ofSeconds(10)).until(() -> history.events(ctx.jobId(), 100).stream().anyMatch(e -> "step".equals(e.kind())));
            clock.advance(Duration.ofSeconds(5));
            ctx.step(2, 2, "Writing the file");
            clock.advance(Duration.ofSeconds(5));
            return JobResult.message("Done");
        }).retryPolicy(new RetryPolicy(3, Duration.ofSeconds(12), 1.0, 0.0)).build();
        longrun = Longrun.builder().dataSource(dataSource()).schema(schema()).dataDir(dataDir).clock(clock)
                .pollInterval(Duration.ofMillis(20)).progressFlushInterval(Duration.ofMillis(10))
                .shutdownGrace(Duration.ofMillis(300)).register(flaky).build();
        history = JobHistory.open(dataSource(), schema());
    }

    @AfterEach
    void stopEngine() {
        longrun.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void aRetriedStepJobLeavesEveryAttemptEveryStepAndTheEndInOrder() {
        Job job = longrun.start("h.flaky", Map.of("n", 1), StartOptions.forUser(account, "alice")).job();
        await().atMost(Duration.ofSeconds(20)).until(() -> longrun.get(job.id()).orElseThrow().status() == JobStatus.PENDING
                && longrun.get(job.id()).orElseThrow().attempt() == 1);
        Job waiting = longrun.get(job.id()).orElseThrow();
        clock.advance(Duration.ofSeconds(12)); // the backoff passes
        await().atMost(Duration.ofSeconds(20)).until(() -> longrun.get(job.id()).orElseThrow().status() == JobStatus.SUCCEEDED);

        var events = history.events(job.id(), 100);
        assertThat(events).extracting(e -> e.kind() + ":" + e.status() + ":" + e.attempt()).containsExactly(
                "status:pending:0", "status:running:1", "status:pending:1", "status:running:2",
                "step:running:2", "step:running:2", "status:succeeded:2");
        JobEvent failed = events.get(2);
        assertThat(failed.fromStatus()).isEqualTo("running");
        assertThat(failed.message()).contains("The mail server did not answer");
        assertThat(failed.runAfter()).isEqualTo(waiting.runAfter());
        assertThat(Duration.between(failed.at(), failed.runAfter())).isEqualTo(Duration.ofSeconds(12));
        assertThat(Duration.between(failed.attemptStartedAt(), failed.at())).isEqualTo(Duration.ofSeconds(10));
        assertThat(events.get(4).message()).isEqualTo("Reading contacts");
        assertThat(events.get(5).step()).isEqualTo(2);
        assertThat(events.get(5).totalSteps()).isEqualTo(2);
        assertThat(history.runTime(job.id())).as("10 s of the first attempt and 10 s of the second").isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aJobCancelledWhileQueuedNeverRan() {
        Job job = longrun.start("h.flaky", Map.of("n", 2), StartOptions.forUser(account, "alice")
                .runAfter(clock.instant().plusSeconds(3600))).job();
        longrun.cancel(job.id());

        assertThat(history.events(job.id(), 100)).extracting(JobEvent::status).containsExactly("pending", "cancelled");
        assertThat(history.runTime(job.id())).isEqualTo(Duration.ZERO);
    }
}
