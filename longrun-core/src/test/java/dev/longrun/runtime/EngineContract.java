package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import dev.longrun.LongrunException;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import dev.longrun.store.ClaimRequest;
import dev.longrun.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's behaviour, run against every store (see the subclasses). */
abstract class EngineContract {

    /** A fresh account per test: PostgreSQL tests of one class share a schema. */
    final String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    final StartOptions ALICE = StartOptions.forUser(account, "alice");
    final StartOptions BOB = StartOptions.forUser(account, "bob");
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    final SettableClock clock = SettableClock.startingAt("2026-11-23T10:00:00Z");
    TestTypes types;
    Longrun longrun;

    /** Points the builder at this contract's store. */
    abstract LongrunBuilder store(LongrunBuilder builder);

    @BeforeEach
    void startEngine() {
        types = new TestTypes();
        longrun = build();
    }

    Longrun build() {
        LongrunBuilder b = Longrun.builder().dataDir(dataDir).clock(clock).concurrency(8)
                .pollInterval(Duration.ofMillis(50)).progressFlushInterval(Duration.ofMillis(50))
                .shutdownGrace(Duration.ofMillis(300));
        types.all().forEach(b::register);
        return store(b).build();
    }

    @AfterEach
    void stopEngine() {
        types.gates.values().forEach(CountDownLatch::countDown);
        try {
            longrun.cancelAll(account, "alice");
            longrun.cancelAll(account, "bob");
        } catch (RuntimeException ignored) {
            // the engine may be closed by the test itself
        }
        longrun.close();
    }

    /** Moves the clock in steps small enough for heartbeats to keep leases fresh, as real time would. */
    void advanceSlowly(Duration total) throws InterruptedException {
        Duration step = Duration.ofSeconds(5);
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            clock.advance(step);
            Thread.sleep(60);
        }
    }

    Job awaitStatus(UUID id, JobStatus status) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> longrun.get(id).orElseThrow().status() == status);
        return longrun.get(id).orElseThrow();
    }

    Job startGate(String name) throws InterruptedException {
        Job job = longrun.start("test.gate", Map.of("name", name), ALICE).job();
        assertThat(types.entered(name).await(20, TimeUnit.SECONDS)).as("handler entered").isTrue();
        return job;
    }

    @Nested
    class Starting {

        @Test
        void aStartedJobRunsAndSucceedsWithItsResult() {
            StartResult started = longrun.start("test.echo", Map.of("text", "hello", "count", 1), ALICE);
            assertThat(started.created()).isTrue();
            Job done = awaitStatus(started.job().id(), JobStatus.SUCCEEDED);
            assertThat(done.result().message()).isEqualTo("hello");
            assertThat(done.attempt()).isEqualTo(1);
            assertThat(done.completedAt()).isEqualTo(clock.instant());
            assertThat(longrun.logs(done.id(), 10)).extracting(l -> l.message()).contains("Echoing hello");
        }

        @Test
        void aTypesParamsCheckSeesTheStartingUserAndRefusesBeforeAnythingIsWritten() {
            // Tried: bob's value started by alice, alone, in a batch with a valid one, and as a retry once it is no
            // longer alice's (an upload that expired).
            types.owned.put("alice", new java.util.HashSet<>(Set.of("a1", "a2")));
            types.owned.put("bob", Set.of("b1"));
            StartOptions later = ALICE.runAfter(clock.instant().plus(Duration.ofHours(1)));
            Job mine = longrun.start("test.owned", Map.of("text", "a1", "count", 1), later).job();
            assertThatThrownBy(() -> longrun.start("test.owned", Map.of("text", "b1", "count", 1), ALICE))
                    .isInstanceOfSatisfying(LongrunException.class, e -> {
                        assertThat(e.code()).isEqualTo("invalid_params");
                        assertThat(e.field()).isEqualTo("text");
                        assertThat(e.getMessage()).isEqualTo("No 'b1' of yours.");
                    });
            assertThatThrownBy(() -> longrun.startAll(List.of(new dev.longrun.StartRequest("test.owned", Map.of("text", "a2", "count", 1), ALICE),
                    new dev.longrun.StartRequest("test.owned", Map.of("text", "b1", "count", 1), ALICE))))
                    .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.field()).isEqualTo("text"));
            longrun.cancel(mine.id());
            types.owned.get("alice").remove("a1");
            assertThatThrownBy(() -> longrun.retry(mine.id())).isInstanceOfSatisfying(LongrunException.class,
                    e -> assertThat(e.code()).isEqualTo("invalid_params"));
            assertThat(longrun.list(JobQuery.forUser(account, "alice").withHistory(true)).jobs()).extracting(Job::id)
                    .as("nothing but the first job was written").containsExactly(mine.id());
        }

        @Test
        void aRepeatWithTheClientsKeyGetsItsJobAfterTheParamsCheckWouldRefuseThem() {
            // The first start passed the check; what the check looks at changed since (an upload expired): a repeat
            // with the same key still gets the job it started, the same params under a new key are refused.
            types.owned.put("carol", new java.util.HashSet<>(Set.of("c1")));
            StartOptions carol = StartOptions.forUser(account, "carol").runAfter(clock.instant().plus(Duration.ofHours(1)));
            Job first = longrun.start("test.owned", Map.of("text", "c1", "count", 1), carol.idempotencyKey("order-7")).job();
            types.owned.get("carol").remove("c1");

            StartResult again = longrun.start("test.owned", Map.of("text", "c1", "count", 1), carol.idempotencyKey("order-7"));

            assertThat(again.created()).isFalse();
            assertThat(again.job().id()).isEqualTo(first.id());
            assertThatThrownBy(() -> longrun.start("test.owned", Map.of("text", "c1", "count", 1), carol.idempotencyKey("order-8")))
                    .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.code()).isEqualTo("invalid_params"));
            assertThatThrownBy(() -> longrun.start("test.owned", Map.of("text", "c2", "count", 1), carol.idempotencyKey("order-7")))
                    .as("another request under the key is refused as before").isInstanceOfSatisfying(LongrunException.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency_key_reused"));
        }

        @Test
        void theSameRequestWhileActiveReturnsTheFirstJob() throws Exception {
            Job first = startGate("dup");
            StartResult again = longrun.start("test.gate", Map.of("name", "dup"), ALICE);
            assertThat(again.created()).isFalse();
            assertThat(again.job().id()).isEqualTo(first.id());
            StartResult otherUser = longrun.start("test.gate", Map.of("name", "dup"), BOB);
            assertThat(otherUser.created()).as("another user's identical request is another job").isTrue();
        }

        @Test
        void anExplicitKeyReusedForOtherParamsIsRefused() {
            StartOptions keyed = ALICE.idempotencyKey("k-1").runAfter(clock.instant().plus(Duration.ofHours(1)));
            Job first = longrun.start("test.echo", Map.of("text", "a", "count", 1), keyed).job();
            assertThat(longrun.start("test.echo", Map.of("text", "a", "count", 1), keyed).job().id()).isEqualTo(first.id());
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("text", "b", "count", 1), keyed))
                    .isInstanceOfSatisfying(LongrunException.class, e -> {
                        assertThat(e.code()).isEqualTo("idempotency_key_reused");
                        assertThat(e.getMessage()).contains("k-1").contains(first.id().toString());
                    });
        }

        @Test
        void aHundredThreadsStartingTheSameRequestMakeExactlyOneJob() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(100);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StartResult>> results = new ArrayList<>();
            StartOptions later = ALICE.runAfter(clock.instant().plus(Duration.ofHours(1)));
            for (int i = 0; i < 100; i++) {
                Callable<StartResult> call = () -> {
                    go.await();
                    return longrun.start("test.echo", Map.of("text", "once", "count", 1), later);
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<UUID> ids = new ArrayList<>();
            int created = 0;
            for (Future<StartResult> f : results) {
                StartResult r = f.get(30, TimeUnit.SECONDS);
                ids.add(r.job().id());
                created += r.created() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(created).isEqualTo(1);
            assertThat(Set.copyOf(ids)).hasSize(1);
            assertThat(longrun.list(JobQuery.forUser(account, "alice")).jobs()).hasSize(1);
        }

        @Test
        void badInputIsRefusedWithAClearMessageAndWritesNothing() {
            // tried: unknown type, a param of the wrong type, an unknown param, params that are not an object,
            // a blank key, a 256-character key, no user, a dependency that does not exist
            assertThatThrownBy(() -> longrun.start("test.nope", Map.of(), ALICE))
                    .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.code()).isEqualTo("unknown_type"))
                    .hasMessageContaining("test.echo");
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("text", "x", "count", "many"), ALICE))
                    .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.code()).isEqualTo("invalid_params"))
                    .hasMessageContaining("'count'");
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("txt", "x"), ALICE))
                    .hasMessageContaining("Unknown parameter 'txt'").hasMessageContaining("text");
            assertThatThrownBy(() -> longrun.start("test.echo", List.of(1, 2), ALICE)).hasMessageContaining("JSON object");
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("text", "x"), ALICE.idempotencyKey(" ")))
                    .hasMessageContaining("empty");
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("text", "x"), ALICE.idempotencyKey("k".repeat(256))))
                    .hasMessageContaining("256 characters");
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("text", "x"), StartOptions.forUser("acme", null)))
                    .hasMessageContaining("user");
            assertThatThrownBy(() -> longrun.start("test.echo", Map.of("text", "x"), ALICE.dependsOn(UUID.randomUUID())))
                    .hasMessageContaining("depends_on");
            assertThat(longrun.list(JobQuery.forUser(account, "alice")).jobs()).isEmpty();
        }
    }

    @Nested
    class Failing {

        @Test
        void aTransientErrorIsRetriedWithBackoffUntilItWorks() {
            Job job = longrun.start("test.flaky", Map.of("text", "x", "count", 2), ALICE).job();
            Job waiting = awaitStatus(job.id(), JobStatus.PENDING);
            await().atMost(WAIT).until(() -> longrun.get(job.id()).orElseThrow().errorMessage() != null);
            waiting = longrun.get(job.id()).orElseThrow();
            assertThat(waiting.attempt()).isEqualTo(1);
            assertThat(waiting.errorMessage()).contains("Connection reset");
            assertThat(waiting.runAfter()).isEqualTo(clock.instant().plusSeconds(1));
            clock.advance(Duration.ofSeconds(1));
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            assertThat(done.attempt()).isEqualTo(2);
            assertThat(done.result().message()).isEqualTo("worked on attempt 2");
            assertThat(done.errorMessage()).isNull();
        }

        @Test
        void attemptsRunOutAfterTheThirdFailure() {
            Job job = longrun.start("test.flaky", Map.of("text", "x", "count", 99), ALICE).job();
            for (int second : new int[] {1, 4}) {
                await().atMost(WAIT).until(() -> types.flakyRuns.get() == (second == 1 ? 1 : 2)
                        && longrun.get(job.id()).orElseThrow().status() == JobStatus.PENDING);
                clock.advance(Duration.ofSeconds(second));
            }
            Job failed = awaitStatus(job.id(), JobStatus.FAILED);
            assertThat(failed.attempt()).isEqualTo(3);
            assertThat(failed.errorMessage()).startsWith("Failed after 3 attempts: Connection reset");
            assertThat(failed.errorRetryable()).isTrue();
        }

        @Test
        void aPermanentFailureIsNeverRetriedAndKeepsItsMessage() {
            Job job = longrun.start("test.permanent", Map.of("text", "x"), ALICE).job();
            Job failed = awaitStatus(job.id(), JobStatus.FAILED);
            assertThat(failed.attempt()).isEqualTo(1);
            assertThat(failed.errorMessage()).isEqualTo("Row 18: email is missing");
            assertThat(failed.errorCode()).isEqualTo("bad_row");
            assertThat(failed.errorRetryable()).isFalse();
        }

        @Test
        void aJobPastItsTimeoutFailsAndItsHandlerIsStopped() throws Exception {
            Job job = startGate("slow");
            advanceSlowly(Duration.ofMinutes(2));
            Job failed = awaitStatus(job.id(), JobStatus.FAILED);
            assertThat(failed.errorMessage()).startsWith("Timed out after 2 minutes");
            await().atMost(WAIT).until(() -> types.cleanups.get() == 1);
        }

        @Test
        void aJobWhoseWorkerDiedIsTakenOverAfterItsLeaseExpires() {
            Engine engine = (Engine) longrun;
            Job job = longrun.start("test.echo", Map.of("text", "orphan", "count", 1), ALICE.runAfter(clock.instant().plus(Duration.ofHours(1)))).job();
            var later = clock.instant().plus(Duration.ofHours(2));
            List<Job> claimed = engine.store().claim(new ClaimRequest(Set.of("default"), 10, "dead-node", later, later.plusSeconds(30)));
            assertThat(claimed).extracting(Job::id).containsExactly(job.id());
            clock.set(later.plusSeconds(31));
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            assertThat(done.attempt()).isEqualTo(2);
            assertThat(done.leaseOwner()).isNotEqualTo("dead-node");
        }
    }

    @Nested
    class Cancelling {

        @Test
        void aPendingJobIsCancelledAtOnce() {
            Job job = longrun.start("test.echo", Map.of("text", "x", "count", 1), ALICE.runAfter(clock.instant().plus(Duration.ofHours(1)))).job();
            Job cancelled = longrun.cancel(job.id());
            assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
            assertThat(longrun.cancel(job.id()).version()).as("idempotent").isEqualTo(cancelled.version());
        }

        @Test
        void cancelOfARunningJobOnlyMarksItUntilTheWorkerStops() throws Exception {
            Job job = startGate("c1");
            Job marked = longrun.cancel(job.id());
            assertThat(marked.status()).isIn(JobStatus.RUNNING, JobStatus.CANCELLED);
            Job cancelled = awaitStatus(job.id(), JobStatus.CANCELLED);
            assertThat(cancelled.cancelRequested()).isTrue();
            await().atMost(WAIT).until(() -> types.cleanups.get() == 1);
            assertThat(Files.walk(dataDir.resolve("results")).filter(Files::isRegularFile)).as("partial file deleted").isEmpty();
        }

        @Test
        void cancelAfterCompletionChangesNothing() {
            Job job = longrun.start("test.echo", Map.of("text", "x", "count", 1), ALICE).job();
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            Job after = longrun.cancel(job.id());
            assertThat(after.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(after.version()).isEqualTo(done.version());
        }

        @Test
        void cancelAllStopsEveryActiveJobOfTheUserOnly() throws Exception {
            startGate("a1");
            longrun.start("test.echo", Map.of("text", "later", "count", 1), ALICE.runAfter(clock.instant().plus(Duration.ofHours(1))));
            Job bobs = longrun.start("test.echo", Map.of("text", "bob", "count", 1), BOB.runAfter(clock.instant().plus(Duration.ofHours(1)))).job();
            assertThat(longrun.cancelAll(account, "alice")).hasSize(2);
            await().atMost(WAIT).until(() -> longrun.list(JobQuery.forUser(account, "alice")).jobs().stream().allMatch(j -> j.status() == JobStatus.CANCELLED));
            assertThat(longrun.get(bobs.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
            assertThat(longrun.clearFinished(account, "alice")).isEqualTo(2);
            assertThat(longrun.list(JobQuery.forUser(account, "alice")).jobs()).isEmpty();
        }

        @Test
        void clearFinishedHidesFromTheListButKeepsTheJobsInHistory() {
            Job done = longrun.start("test.echo", Map.of("text", "x", "count", 1), ALICE).job();
            awaitStatus(done.id(), JobStatus.SUCCEEDED);
            Job later = longrun.start("test.echo", Map.of("text", "later", "count", 1),
                    ALICE.runAfter(clock.instant().plus(Duration.ofHours(1)))).job();

            assertThat(longrun.clearFinished(account, "alice")).isEqualTo(1);

            JobQuery list = JobQuery.forUser(account, "alice");
            assertThat(longrun.list(list).jobs()).extracting(Job::id).containsExactly(later.id());
            assertThat(longrun.list(list.withHistory(true)).jobs()).extracting(Job::id).containsExactly(later.id(), done.id());
            Job kept = longrun.get(done.id()).orElseThrow();
            assertThat(kept.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(kept.result()).isEqualTo(longrun.get(done.id()).orElseThrow().result());
            assertThat(longrun.clearFinished(account, "alice")).as("already hidden").isZero();
        }
    }

    @Nested
    class Resuming {

        @Test
        void aJobThatNeedsActionResumesAfterConfirm() {
            Job job = longrun.start("test.preview", Map.of("text", "x"), ALICE).job();
            Job asking = awaitStatus(job.id(), JobStatus.NEEDS_ACTION);
            assertThat(asking.action().kind()).isEqualTo("import_preview");
            assertThat(asking.action().preview().get("ready").asInt()).isEqualTo(3);
            Job confirmed = longrun.confirm(job.id());
            assertThat(confirmed.confirmed()).isTrue();
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            assertThat(done.result().message()).isEqualTo("Imported 3 rows");
            assertThat(longrun.confirm(job.id()).status()).as("confirm is idempotent").isEqualTo(JobStatus.SUCCEEDED);
        }

        @Test
        void retryStartsANewJobWithTheSameParams() {
            Job job = longrun.start("test.permanent", Map.of("text", "x"), ALICE).job();
            awaitStatus(job.id(), JobStatus.FAILED);
            StartResult retry = longrun.retry(job.id());
            assertThat(retry.created()).isTrue();
            assertThat(retry.job().retryOf()).isEqualTo(job.id());
            assertThat(retry.job().params()).isEqualTo(job.params());
        }

        @Test
        void itemOutcomesGiveASummaryAndRetryFailedRunsOnlyTheFailedOnes() {
            Job job = longrun.start("test.items", Map.of("emails", List.of("a@x.io", "bad", "b@x.io", "worse")), ALICE).job();
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            assertThat(done.summary().succeeded()).isEqualTo(2);
            assertThat(done.summary().failed()).isEqualTo(2);
            assertThat(longrun.items(job.id(), ItemStatus.FAILED, 10)).extracting(i -> i.message()).containsOnly("Invalid email address");
            StartResult again = longrun.retryFailed(job.id());
            assertThat(again.job().params().get("emails").toString()).isEqualTo("[\"bad\",\"worse\"]");
            assertThat(awaitStatus(again.job().id(), JobStatus.SUCCEEDED).summary().failed()).isEqualTo(2);
        }

        @Test
        void aDependentJobWaitsThenRuns() throws Exception {
            Job export = startGate("export");
            Job report = longrun.start("test.echo", Map.of("text", "report", "count", 1), ALICE.dependsOn(export.id())).job();
            assertThat(report.waitingFor()).isEqualTo(export.id());
            Thread.sleep(200);
            assertThat(longrun.get(report.id()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
            types.gate("export").countDown();
            awaitStatus(report.id(), JobStatus.SUCCEEDED);
        }

        @Test
        void aDependentJobFailsWhenWhatItWaitsForFails() throws Exception {
            Job export = startGate("export2");
            Job report = longrun.start("test.echo", Map.of("text", "report", "count", 1), ALICE.dependsOn(export.id())).job();
            longrun.cancel(export.id());
            Job failed = awaitStatus(report.id(), JobStatus.FAILED);
            assertThat(failed.errorMessage()).contains("\"Gate\"").contains(export.id().toString()).contains("was cancelled");
        }
    }

    @Nested
    class Progress {

        @Test
        void aMillionProgressCallsCostOnlyAFewWrites() {
            long t0 = System.nanoTime();
            Job job = longrun.start("test.progress", Map.of("text", "x", "count", 1_000_000), ALICE).job();
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            double seconds = (System.nanoTime() - t0) / 1e9;
            // version: +1 claim, +1 finish, the rest are coalesced progress writes (flush every 50 ms here)
            long progressWrites = done.version() - job.version() - 2;
            assertThat(progressWrites).isLessThanOrEqualTo((long) Math.ceil(seconds / 0.05) + 2);
            assertThat(done.progressCurrent()).isEqualTo(1_000_000L);
            assertThat(done.progressPct()).isEqualTo(100.0);
        }

        @Test
        void queuedJobsKnowTheirPlaceInTheQueue() throws Exception {
            for (int i = 0; i < 8; i++) {
                startGate("busy" + i);
            }
            Job first = longrun.start("test.echo", Map.of("text", "first", "count", 1), ALICE).job();
            Job second = longrun.start("test.echo", Map.of("text", "second", "count", 1), ALICE).job();
            var insight = longrun.insight(longrun.get(second.id()).orElseThrow());
            assertThat(insight.queuePosition()).isEqualTo(2);
            assertThat(insight.queueSize()).isEqualTo(2);
            assertThat(insight.queueMoreThan()).as("a short line is counted whole").isNull();
            assertThat(longrun.queueDepth(second.queue())).isEqualTo(2);
            assertThat(longrun.insight(longrun.get(first.id()).orElseThrow()).queuePosition()).isEqualTo(1);
            types.gates.values().forEach(CountDownLatch::countDown);
            assertThat(longrun.insight(awaitStatus(second.id(), JobStatus.SUCCEEDED)).queuePosition()).isNull();
        }

        @Test
        void runningProgressIsVisibleWhileTheJobRuns() throws Exception {
            Job job = startGate("p");
            await().atMost(WAIT).until(() -> longrun.get(job.id()).orElseThrow().status() == JobStatus.RUNNING);
            assertThat(longrun.get(job.id()).orElseThrow().progressPct()).isNull();
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void closingHandsRunningJobsBackForTheNextStart() throws Exception {
            Job job = startGate("shutdown");
            longrun.close();
            types = new TestTypes();
            types.gate("shutdown").countDown();
            longrun = build();
            Job done = awaitStatus(job.id(), JobStatus.SUCCEEDED);
            assertThat(done.attempt()).as("handed back, not counted as a failed attempt").isEqualTo(1);
            assertThat(done.result().message()).isEqualTo("Released");
        }

        @Test
        void finishedJobsArePrunedAfterTheRetention() {
            Job job = longrun.start("test.echo", Map.of("text", "old", "count", 1), ALICE).job();
            awaitStatus(job.id(), JobStatus.SUCCEEDED);
            clock.advance(Duration.ofDays(31));
            await().atMost(WAIT).until(() -> longrun.get(job.id()).isEmpty());
        }
    }
}
