package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.event.JobEvent;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A completion and a cancel racing each other resolve to exactly one outcome. Seeded: a failure prints
 * the seed; rerun with -Dlongrun.seed=... to replay the same schedule.
 */
abstract class RaceContract extends StoreTests {

    private static final int ROUNDS = 40;

    @Test
    void finishAndCancelRacingResolveToExactlyOneOutcome() throws Exception {
        long seed = Long.getLong("longrun.seed", System.nanoTime());
        Random random = new Random(seed);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                String context = "seed " + seed + ", round " + round;
                if (random.nextBoolean()) {
                    claimAndFinishAgainstCancelPending(pool, random, context);
                } else {
                    finishAgainstRequestCancel(pool, random, context);
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError("Race failed (" + "rerun with -Dlongrun.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    @Test
    void aLateFinishAndTheRescuerRacingResolveToExactlyOneOutcome() throws Exception {
        long seed = Long.getLong("longrun.seed", System.nanoTime());
        Random random = new Random(seed);
        java.time.Instant expired = T0.plus(LEASE).plusSeconds(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                String context = "seed " + seed + ", round " + round;
                Job job = running(JobSpec.job().maxAttempts(1 + random.nextInt(2)));
                JobStatus target = pickTerminal(random);
                CountDownLatch go = new CountDownLatch(1);
                var worker = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return store().finish(List.of(finish(job, target)));
                }, pool);
                var rescuer = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return store().rescueExpired(expired, "The worker stopped responding.", 10);
                }, pool);
                go.countDown();
                List<JobEvent> finished = worker.get();
                List<JobEvent> rescued = rescuer.get();

                Job end = reload(job.id());
                assertThat(finished.size() + rescued.size()).as(context + ": exactly one of finish and rescue wins").isEqualTo(1);
                JobStatus rescuedTo = job.maxAttempts() > 1 ? JobStatus.PENDING : JobStatus.FAILED;
                assertThat(end.status()).as(context).isEqualTo(finished.isEmpty() ? rescuedTo : target);
                assertThat(end.version()).as(context).isEqualTo(job.version() + 1);
                if (end.status() == JobStatus.PENDING) {
                    store().cancelPending(job.id(), expired);
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError("Race failed (rerun with -Dlongrun.seed=" + seed + "): " + e.getMessage(), e);
        }
    }

    @Test
    void confirmAndCancelOfAJobWaitingForTheUserResolveToExactlyOneOutcome() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                Job job = running(JobSpec.job());
                store().finish(List.of(Finish.needsAction(job.id(), WORKER, "{\"kind\":\"import_preview\"}", null, T0)));
                CountDownLatch go = new CountDownLatch(1);
                var confirmer = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return store().confirm(job.id(), T0);
                }, pool);
                var canceller = CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return store().cancelNeedsAction(job.id(), T0);
                }, pool);
                go.countDown();
                Optional<Job> confirmed = confirmer.get();
                Optional<Job> cancelled = canceller.get();

                assertThat(confirmed.isPresent()).as("round " + round + ": exactly one of confirm and cancel wins").isNotEqualTo(cancelled.isPresent());
                assertThat(reload(job.id()).status()).isEqualTo(confirmed.isPresent() ? JobStatus.PENDING : JobStatus.CANCELLED);
                store().cancelPending(job.id(), T0);
            }
        }
    }

    /** A pending job: a worker claims and finishes it while the user cancels it. */
    private void claimAndFinishAgainstCancelPending(ExecutorService pool, Random random, String context) throws Exception {
        Job job = insert(JobSpec.job());
        // Only ends of the job: after a retry (back to pending) a later cancelPending rightly applies as well.
        JobStatus target = pickTerminal(random);
        CountDownLatch go = new CountDownLatch(1);
        var worker = CompletableFuture.supplyAsync(() -> {
            await(go);
            List<Job> claimed = claim("default", 1, WORKER, T0);
            return claimed.isEmpty() ? List.<JobEvent>of() : store().finish(List.of(finish(job, target)));
        }, pool);
        var user = CompletableFuture.supplyAsync(() -> {
            await(go);
            return store().cancelPending(job.id(), T0);
        }, pool);
        go.countDown();
        List<JobEvent> finished = worker.get();
        Optional<Job> cancelled = user.get();

        Job end = reload(job.id());
        assertThat(finished.isEmpty()).as(context + ": exactly one of finish and cancel wins").isEqualTo(cancelled.isPresent());
        assertThat(end.status()).as(context).isEqualTo(cancelled.isPresent() ? JobStatus.CANCELLED : target);
        assertThat(end.version()).as(context).isEqualTo(cancelled.isPresent() ? 2 : 3);
    }

    /** A running job: the worker finishes while the user asks it to stop. */
    private void finishAgainstRequestCancel(ExecutorService pool, Random random, String context) throws Exception {
        Job job = running(JobSpec.job());
        JobStatus target = pick(random);
        CountDownLatch go = new CountDownLatch(1);
        var worker = CompletableFuture.supplyAsync(() -> {
            await(go);
            return store().finish(List.of(finish(job, target)));
        }, pool);
        var user = CompletableFuture.supplyAsync(() -> {
            await(go);
            return store().requestCancel(job.id(), T0);
        }, pool);
        go.countDown();
        List<JobEvent> finished = worker.get();
        Optional<Job> marked = user.get();

        Job end = reload(job.id());
        assertThat(finished).as(context + ": the worker's finish always lands").hasSize(1);
        assertThat(end.status()).as(context).isEqualTo(target);
        assertThat(end.cancelRequested()).as(context).isEqualTo(marked.isPresent());
        assertThat(end.version()).as(context).isEqualTo(job.version() + 1 + (marked.isPresent() ? 1 : 0));
    }

    private static JobStatus pick(Random random) {
        List<JobStatus> targets = List.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.PENDING, JobStatus.CANCELLED);
        return targets.get(random.nextInt(targets.size()));
    }

    private static JobStatus pickTerminal(Random random) {
        List<JobStatus> targets = List.of(JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLED);
        return targets.get(random.nextInt(targets.size()));
    }

    private static Finish finish(Job job, JobStatus target) {
        return switch (target) {
            case SUCCEEDED -> Finish.succeeded(job.id(), WORKER, null, null, T0);
            case FAILED -> Finish.failed(job.id(), WORKER, "boom", "permanent", false, null, T0);
            case PENDING -> Finish.retryLater(job.id(), WORKER, "later", "transient", T0.plusSeconds(60), T0);
            default -> Finish.cancelled(job.id(), WORKER, null, T0);
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
