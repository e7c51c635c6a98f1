package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

abstract class ClaimContract extends StoreTests {

    @Test
    void claimTakesHigherPriorityFirstThenEarlierRunAfterThenId() {
        Job late = insert(JobSpec.job().runAfter(T0.minusSeconds(10)));
        Job early = insert(JobSpec.job().runAfter(T0.minusSeconds(20)));
        Job urgent = insert(JobSpec.job().priority(5));
        UUID small = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID big = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
        insert(JobSpec.job().id(big).runAfter(T0.minusSeconds(5)));
        insert(JobSpec.job().id(small).runAfter(T0.minusSeconds(5)));

        List<Job> claimed = claim("default", 10, WORKER, T0);

        assertThat(claimed).extracting(Job::id).containsExactly(urgent.id(), early.id(), late.id(), small, big);
    }

    @Test
    void claimTakesAtMostTheLimitAndLeavesTheRestPending() {
        for (int i = 0; i < 5; i++) {
            insert(JobSpec.job());
        }
        assertThat(claim("default", 3, WORKER, T0)).hasSize(3);
        assertThat(claim("default", 3, WORKER, T0)).hasSize(2);
        assertThat(claim("default", 3, WORKER, T0)).isEmpty();
    }

    @Test
    void claimSkipsJobsScheduledLaterWaitingForAnotherOrInOtherQueues() {
        insert(JobSpec.job().runAfter(T0.plusSeconds(1)));
        insert(JobSpec.job().waitingFor(UUID.randomUUID()));
        insert(JobSpec.job().queue("reports"));
        Job ready = insert(JobSpec.job());

        assertThat(claim("default", 10, WORKER, T0)).extracting(Job::id).containsExactly(ready.id());
    }

    @Test
    void claimStartsARunUnderALease() {
        Job job = insert(JobSpec.job());

        Job claimed = claim("default", 1, WORKER, T0.plusSeconds(2)).get(0);

        assertThat(claimed.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(claimed.attempt()).isEqualTo(1);
        assertThat(claimed.leaseOwner()).isEqualTo(WORKER);
        assertThat(claimed.leaseExpiresAt()).isEqualTo(T0.plusSeconds(2).plus(LEASE));
        assertThat(claimed.heartbeatAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(claimed.startedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(claimed.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(claimed.version()).isEqualTo(job.version() + 1);
        assertThat(reload(job.id())).isEqualTo(claimed);
    }

    @Test
    void claimOverSeveralQueuesTakesFromEach() {
        Job a = insert(JobSpec.job().queue("a"));
        Job b = insert(JobSpec.job().queue("b"));
        List<Job> claimed = store().claim(new ClaimRequest(Set.of("a", "b"), 10, WORKER, T0, T0.plus(LEASE)));
        assertThat(claimed).extracting(Job::id).containsExactlyInAnyOrder(a.id(), b.id());
    }

    @Test
    void concurrentClaimersNeverTakeTheSameJob() throws Exception {
        int jobs = 60;
        for (int i = 0; i < jobs; i++) {
            insert(JobSpec.job());
        }
        int workers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<UUID>>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (int w = 0; w < workers; w++) {
                String owner = "node-" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    List<UUID> mine = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        claim("default", 3, owner, T0).forEach(j -> mine.add(j.id()));
                    }
                    return mine;
                }));
            }
            start.countDown();
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).hasSize(jobs);
            assertThat(new HashSet<>(all)).hasSize(jobs);
        }
    }

    @Test
    void releaseHandsRunningJobsBackWithoutSpendingAnAttempt() {
        Job job = running(JobSpec.job());

        var events = store().release(WORKER, List.of(job.id()), T0.plus(Duration.ofSeconds(3)));

        assertThat(events).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(JobStatus.PENDING));
        Job back = reload(job.id());
        assertThat(back.status()).isEqualTo(JobStatus.PENDING);
        assertThat(back.attempt()).isZero();
        assertThat(back.leaseOwner()).isNull();
        assertThat(back.runAfter()).isEqualTo(T0.plusSeconds(3));
        assertThat(store().release("node-b", List.of(job.id()), T0)).isEmpty();
    }
}
