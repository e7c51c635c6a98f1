package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A client's Idempotency-Key: kept in its own table for its lifetime, whatever happens to the job it started. */
abstract class ClientKeyContract extends StoreTests {

    static final Duration LIFETIME = Duration.ofHours(24);

    private static JobSpec keyed(String key, Instant at) {
        return JobSpec.job().clientKey(key, at.plus(LIFETIME)).createdAt(at);
    }

    @Test
    void aRepeatAfterTheJobFinishedReturnsThatJobAndTheFirstFingerprint() {
        Job first = insert(keyed("k-done", T0).fingerprint("fp-a"));
        store().cancelPending(first.id(), T0.plusSeconds(1));

        InsertOutcome again = store().insert(keyed("k-done", T0.plusSeconds(60)).fingerprint("fp-b").build());

        assertThat(again.created()).isFalse();
        assertThat(again.job().id()).isEqualTo(first.id());
        assertThat(again.job().status().isTerminal()).isTrue();
        assertThat(again.requestFingerprint()).isEqualTo("fp-a");
    }

    @Test
    void aRepeatAfterTheJobWasDeletedIsRefusedNamingTheJob() {
        Job first = insert(keyed("k-cleared", T0));
        store().cancelPending(first.id(), T0.plusSeconds(1));
        assertThat(store().deleteFinished("acme", "ann")).containsExactly(first.id());

        assertThatThrownBy(() -> store().insert(keyed("k-cleared", T0.plusSeconds(60)).build()))
                .isInstanceOf(LongrunException.class)
                .hasMessageContaining(first.id().toString()).hasMessageContaining("removed")
                .extracting(e -> ((LongrunException) e).code()).isEqualTo("idempotency_key_job_removed");
        assertThat(store().activeJobIds("acme", "ann")).isEmpty();
    }

    @Test
    void anExpiredKeyStartsANewJob() {
        Job first = insert(keyed("k-old", T0));
        store().cancelPending(first.id(), T0.plusSeconds(1));

        InsertOutcome later = store().insert(keyed("k-old", T0.plus(LIFETIME)).build());

        assertThat(later.created()).isTrue();
        assertThat(later.job().id()).isNotEqualTo(first.id());
        assertThat(store().insert(keyed("k-old", T0.plus(LIFETIME).plusSeconds(5)).build()).job().id())
                .as("the new job holds the key now").isEqualTo(later.job().id());
    }

    @Test
    void maintenancePurgesOnlyExpiredKeys() {
        insert(keyed("k-1", T0));
        insert(keyed("k-2", T0.plusSeconds(3_600)));

        assertThat(store().purgeIdempotencyKeys(T0.plus(LIFETIME), 100)).isEqualTo(1);
        assertThat(store().purgeIdempotencyKeys(T0.plus(LIFETIME), 100)).isZero();
        assertThat(store().insert(keyed("k-2", T0.plusSeconds(7_200)).build()).created()).as("k-2 still held").isFalse();
    }

    @Test
    void aClientKeyDoesNotCollideWithTheSameRequestWithoutKey() {
        Job keyedJob = insert(keyed("k-x", T0));
        Job plain = insert(JobSpec.job().key("derived-hash"));
        assertThat(plain.id()).isNotEqualTo(keyedJob.id());
        assertThat(plain.idempotencyKey()).isEqualTo("derived-hash");
        assertThat(keyedJob.idempotencyKey()).as("the key table guards it, not the active-key index").isNull();
    }

    @Test
    void hundredConcurrentRepeatsOfAFinishingJobMakeExactlyOneJob() throws Exception {
        int threads = 100;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<InsertOutcome>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    InsertOutcome o = store().insert(keyed("storm", T0.plusMillis(n)).build());
                    if (n % 10 == 0) {
                        store().cancelPending(o.job().id(), T0.plusMillis(n)); // the first job ends during the storm
                    }
                    return o;
                }));
            }
            start.countDown();
            List<UUID> ids = new ArrayList<>();
            int created = 0;
            for (Future<InsertOutcome> f : futures) {
                InsertOutcome o = f.get();
                ids.add(o.job().id());
                created += o.created() ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids.stream().distinct()).hasSize(1);
        }
    }
}
