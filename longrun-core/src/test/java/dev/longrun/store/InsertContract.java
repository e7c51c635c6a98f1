package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

abstract class InsertContract extends StoreTests {

    @Test
    void insertStoresEveryFieldOfAPendingJob() {
        UUID dependency = UUID.randomUUID();
        JobSpec spec = JobSpec.job().priority(7).key("k-1").waitingFor(dependency).maxAttempts(5);
        InsertOutcome outcome = store().insert(spec.build());

        assertThat(outcome.created()).isTrue();
        assertThat(outcome.requestFingerprint()).isEqualTo("fp-1");
        Job job = reload(spec.id);
        assertThat(job).isEqualTo(outcome.job());
        assertThat(job.status()).isEqualTo(JobStatus.PENDING);
        assertThat(job.accountId()).isEqualTo("acme");
        assertThat(job.userId()).isEqualTo("ann");
        assertThat(job.priority()).isEqualTo(7);
        assertThat(job.maxAttempts()).isEqualTo(5);
        assertThat(job.attempt()).isZero();
        assertThat(job.params().get("seconds").asInt()).isEqualTo(1);
        assertThat(job.idempotencyKey()).isEqualTo("k-1");
        assertThat(job.dependsOn()).isEqualTo(dependency);
        assertThat(job.waitingFor()).isEqualTo(dependency);
        assertThat(job.createdAt()).isEqualTo(T0);
        assertThat(job.updatedAt()).isEqualTo(T0);
        assertThat(job.runAfter()).isEqualTo(T0);
        assertThat(job.timeoutSeconds()).isEqualTo(600L);
        assertThat(job.estimatedDurationSeconds()).isEqualTo(30L);
        assertThat(job.cancellable()).isTrue();
        assertThat(job.version()).isEqualTo(1);
        assertThat(job.leaseOwner()).isNull();
        assertThat(job.result()).isNull();
    }

    @Test
    void sameKeyWhileTheFirstJobIsActiveReturnsThatJobAndItsFingerprint() {
        Job first = insert(JobSpec.job().key("k-2").fingerprint("fp-a"));

        InsertOutcome again = store().insert(JobSpec.job().key("k-2").fingerprint("fp-b").build());

        assertThat(again.created()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.id());
        assertThat(again.requestFingerprint()).isEqualTo("fp-a");
    }

    @Test
    void aFinishedJobFreesItsKey() {
        Job first = insert(JobSpec.job().key("k-3"));
        store().cancelPending(first.id(), T0);

        InsertOutcome again = store().insert(JobSpec.job().key("k-3").build());

        assertThat(again.created()).isTrue();
        assertThat(again.job().id()).isNotEqualTo(first.id());
    }

    @Test
    void jobsWithoutKeyNeverCollide() {
        insert(JobSpec.job());
        assertThat(store().insert(JobSpec.job().build()).created()).isTrue();
    }

    @Test
    void reusingAJobIdIsRefusedClearly() {
        Job first = insert(JobSpec.job());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store().insert(JobSpec.job().id(first.id()).build()))
                .isInstanceOf(dev.longrun.LongrunException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void hundredConcurrentInsertsWithOneKeyCreateExactlyOneJob() throws Exception {
        int threads = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<InsertOutcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return store().insert(JobSpec.job().key("same-click").build());
                }));
            }
            start.countDown();
            List<InsertOutcome> outcomes = new ArrayList<>();
            for (Future<InsertOutcome> f : futures) {
                outcomes.add(f.get());
            }
            assertThat(outcomes).filteredOn(InsertOutcome::created).hasSize(1);
            UUID winner = outcomes.stream().filter(InsertOutcome::created).findFirst().orElseThrow().job().id();
            assertThat(outcomes).allSatisfy(o -> assertThat(o.job().id()).isEqualTo(winner));
        }
        assertThat(store().activeJobIds("acme", "ann")).hasSize(1);
    }
}
