package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import dev.longrun.StartResult;
import dev.longrun.history.JobHistory;
import dev.longrun.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that ran a burst of no-op jobs holds a reserve claimed ahead of its workers; when every worker then sits on a
 * long job, the jobs started next must not read "In progress" behind them: within a bounded time they are pending as
 * if never claimed (no started_at, attempt 0, their place in line), another node runs them, and nothing runs twice.
 * Run against every store (see the subclasses).
 */
abstract class ReserveHandBackContract {

    private static final int WORKERS = 4;
    private static final int BURST = 3_000;
    private static final int LATER = 6;
    private static final int LATEST = 3;
    /** Well beyond {@link ClaimAhead#PATIENCE_FLOOR_NANOS} on a loaded machine; main never hands them back. */
    private static final Duration HAND_BACK_WITHIN = Duration.ofSeconds(5);

    final String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    private final SettableClock clock = SettableClock.startingAt("2026-11-29T11:00:00Z");
    private final Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final CountDownLatch holding = new CountDownLatch(WORKERS);
    private final CountDownLatch letGo = new CountDownLatch(1);

    @TempDir
    Path dataDir;

    abstract DataSource dataSource();

    abstract String schema();

    @SuppressWarnings("rawtypes")
    private Longrun node(String name, int workers, Map<UUID, AtomicInteger> ranHere) {
        JobType<Map> noop = JobType.builder("r.noop", Map.class, ctx -> {
            runs.computeIfAbsent(ctx.jobId(), id -> new AtomicInteger()).incrementAndGet();
            ranHere.computeIfAbsent(ctx.jobId(), id -> new AtomicInteger()).incrementAndGet();
            return JobResult.done();
        }).build();
        JobType<Map> hold = JobType.builder("r.hold", Map.class, ctx -> {
            runs.computeIfAbsent(ctx.jobId(), id -> new AtomicInteger()).incrementAndGet();
            holding.countDown();
            letGo.await(30, TimeUnit.SECONDS); // at most: a broken test must not hang the build
            return JobResult.done();
        }).build();
        return Longrun.builder().dataSource(dataSource()).schema(schema()).dataDir(dataDir.resolve(name)).clock(clock)
                .nodeName(name).concurrency(workers).shutdownGrace(Duration.ofMillis(300))
                .register(noop).register(hold).build();
    }

    private List<Job> start(Longrun api, String type, String name, int count) {
        List<StartRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(new StartRequest(type, Map.of("name", name, "n", i), StartOptions.forUser(account, "alice")));
        }
        return api.startAll(requests).stream().map(StartResult::job).toList();
    }

    @Test
    void jobsStartedWhileEveryWorkerHoldsALongJobAreHandedBackInPlaceAndRunElsewhereOnce() throws Exception {
        Map<UUID, AtomicInteger> ranOnA = new ConcurrentHashMap<>();
        Map<UUID, AtomicInteger> ranOnB = new ConcurrentHashMap<>();
        Longrun a = node("a", WORKERS, ranOnA);
        Longrun b = null;
        try {
            start(a, "r.noop", "burst", BURST);
            List<Job> holds = start(a, "r.hold", "hold", WORKERS);
            assertThat(holding.await(60, TimeUnit.SECONDS)).as("every worker of node a holds a long job").isTrue();
            clock.advance(Duration.ofSeconds(1));
            List<Job> later = start(a, "r.noop", "later", LATER);
            clock.advance(Duration.ofSeconds(1));
            List<Job> latest = start(a, "r.noop", "latest", LATEST);
            clock.advance(Duration.ofSeconds(1));
            List<Job> waiting = new ArrayList<>(later);
            waiting.addAll(latest);

            // The reserve's patience runs on the engine's clock: it moves on while the test waits, so jobs claimed
            // after the last step above are handed back too.
            await().atMost(HAND_BACK_WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> {
                clock.advance(Duration.ofMillis(50));
                return waiting.stream().allMatch(j -> isQueuedAsStarted(a.get(j.id()).orElseThrow(), j));
            });
            List<Job> handedBack = waiting.stream().map(j -> a.get(j.id()).orElseThrow()).toList();
            // Node a must not claim them again while its workers hold: a re-claim and hand-back would bump the version.
            Thread.sleep(3 * ClaimAhead.PATIENCE_FLOOR_NANOS / 1_000_000);
            clock.advance(Duration.ofSeconds(1));
            Thread.sleep(3 * ClaimAhead.PATIENCE_FLOOR_NANOS / 1_000_000);
            assertThat(waiting).allSatisfy(j -> assertThat(a.get(j.id()).orElseThrow()).isEqualTo(
                    handedBack.get(waiting.indexOf(j))));
            assertThat(((Engine) a).claimedAhead()).isZero();
            List<Integer> places = waiting.stream().map(j -> a.insight(a.get(j.id()).orElseThrow()).queuePosition()).toList();
            assertThat(places).as("places in line, in start order").isSorted().doesNotHaveDuplicates().doesNotContainNull();

            b = node("b", 2, ranOnB);
            for (Job j : waiting) {
                await().atMost(Duration.ofSeconds(20)).until(() -> a.get(j.id()).orElseThrow().status() == JobStatus.SUCCEEDED);
            }
            assertThat(ranOnB).as("run by node b while node a's workers hold").containsKeys(ids(waiting).toArray(UUID[]::new));
            letGo.countDown();
            for (Job h : holds) {
                await().atMost(Duration.ofSeconds(20)).until(() -> a.get(h.id()).orElseThrow().status() == JobStatus.SUCCEEDED);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> runs.size() == BURST + WORKERS + LATER + LATEST);
            assertThat(runs.values()).as("runs per job").allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(waiting).allSatisfy(j -> assertThat(a.get(j.id()).orElseThrow().attempt()).isEqualTo(1));

            JobHistory timeline = JobHistory.open(dataSource(), schema());
            for (Job j : waiting) {
                assertThat(timeline.events(j.id(), 100)).extracting(e -> e.fromStatus() + ">" + e.status())
                        .as("timeline of %s", j.id()).containsExactly("null>pending", "pending>running", "running>succeeded");
            }
        } finally {
            letGo.countDown();
            if (b != null) {
                b.close();
            }
            a.close();
        }
    }

    /** Queued as it was when started: pending, never begun, its place in line (run_after) unchanged. */
    private static boolean isQueuedAsStarted(Job now, Job started) {
        return now.status() == JobStatus.PENDING && now.startedAt() == null && now.attempt() == 0
                && now.leaseOwner() == null && now.runAfter().equals(started.runAfter());
    }

    private static List<UUID> ids(List<Job> jobs) {
        return jobs.stream().map(Job::id).toList();
    }
}
