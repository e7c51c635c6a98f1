package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link JobStore#insertAll}: each job of a batch gets exactly what {@link JobStore#insert} would give it, also where
 * PostgreSQL claims the client keys and inserts the jobs in one statement and SQLite in two.
 */
abstract class BatchInsertContract extends StoreTests {

    static final Duration LIFETIME = Duration.ofHours(24);

    private static JobSpec keyed(String key, Instant at) {
        return JobSpec.job().clientKey(key, at.plus(LIFETIME)).createdAt(at);
    }

    private List<InsertOutcome> insertAll(List<JobSpec> specs) {
        return store().insertAll(specs.stream().map(JobSpec::build).toList(), outcomes -> { });
    }

    @Test
    void eachJobOfABatchGetsWhatASingleInsertWouldGiveIt() {
        Job heldSame = insert(keyed("held-same", T0).fingerprint("fp-a"));
        Job heldOther = insert(keyed("held-other", T0).fingerprint("fp-a"));
        Job derivedHolder = insert(JobSpec.job().key("derived-held"));
        Instant t = T0.plusSeconds(10);

        List<InsertOutcome> out = insertAll(List.of(
                keyed("fresh", t).fingerprint("fp-x"),
                keyed("held-same", t).fingerprint("fp-a"),
                keyed("fresh", t).fingerprint("fp-y"),      // repeated in the batch, with other params
                keyed("held-other", t).fingerprint("fp-b"), // held by an earlier job, with other params
                JobSpec.job().key("derived-held").createdAt(t),
                JobSpec.job().key("derived-new").createdAt(t),
                JobSpec.job().key("derived-new").createdAt(t)));

        assertThat(out).extracting(InsertOutcome::created).containsExactly(true, false, false, false, false, true, false);
        assertThat(out.get(0).requestFingerprint()).isEqualTo("fp-x");
        assertThat(out.get(1).job().id()).isEqualTo(heldSame.id());
        assertThat(out.get(1).requestFingerprint()).isEqualTo("fp-a");
        assertThat(out.get(2).job().id()).as("a repeat gets the batch's first job of its key").isEqualTo(out.get(0).job().id());
        assertThat(out.get(2).requestFingerprint()).as("and that job's fingerprint, so other params are refused").isEqualTo("fp-x");
        assertThat(out.get(3).job().id()).isEqualTo(heldOther.id());
        assertThat(out.get(3).requestFingerprint()).isEqualTo("fp-a");
        assertThat(out.get(4).job().id()).isEqualTo(derivedHolder.id());
        assertThat(out.get(6).job().id()).isEqualTo(out.get(5).job().id());
        assertThat(out.get(0).job().idempotencyKey()).as("a client's key lives in the key table").isNull();
        assertThat(store().activeJobIds("acme", "ann")).hasSize(5);
        assertThat(store().insert(keyed("fresh", t.plusSeconds(1)).build()).job().id())
                .as("the key answers the job that claimed it").isEqualTo(out.get(0).job().id());
    }

    /** Grouped single starts: a job left out (null) is then inserted on its own, as the starter does. */
    @Test
    void insertEachAnswersEveryJobAsASingleInsertOnceTheLeftOutOnesAreInsertedAlone() {
        Job heldSame = insert(keyed("held-same", T0).fingerprint("fp-a"));
        Job heldOther = insert(keyed("held-other", T0).fingerprint("fp-a"));
        Job derivedHolder = insert(JobSpec.job().key("derived-held"));
        Instant t = T0.plusSeconds(10);
        List<NewJob> jobs = List.of(
                keyed("fresh", t).fingerprint("fp-x").build(),
                keyed("held-same", t).fingerprint("fp-a").build(),
                keyed("fresh", t).fingerprint("fp-y").build(),
                keyed("held-other", t).fingerprint("fp-b").build(),
                JobSpec.job().key("derived-held").createdAt(t).build(),
                JobSpec.job().key("derived-new").createdAt(t).build());

        List<InsertOutcome> grouped = store().insertEach(jobs);
        assertThat(grouped.get(0)).as("a free key is inserted by the group").isNotNull();
        assertThat(grouped.get(5)).isNotNull();
        List<InsertOutcome> out = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            out.add(grouped.get(i) != null ? grouped.get(i) : store().insert(jobs.get(i)));
        }

        assertThat(out).extracting(InsertOutcome::created).containsExactly(true, false, false, false, false, true);
        assertThat(out.get(1).job().id()).isEqualTo(heldSame.id());
        assertThat(out.get(2).job().id()).isEqualTo(out.get(0).job().id());
        assertThat(out.get(2).requestFingerprint()).isEqualTo("fp-x");
        assertThat(out.get(3).job().id()).isEqualTo(heldOther.id());
        assertThat(out.get(3).requestFingerprint()).isEqualTo("fp-a");
        assertThat(out.get(4).job().id()).isEqualTo(derivedHolder.id());
        assertThat(store().activeJobIds("acme", "ann")).hasSize(5);
    }

    @Test
    void insertEachWithAReusedJobIdWritesNothingOfTheGroup() {
        Job first = insert(JobSpec.job());

        assertThatThrownBy(() -> store().insertEach(List.of(keyed("k-new", T0).build(), keyed("k-clash", T0).id(first.id()).build())))
                .isInstanceOf(LongrunException.class)
                .hasMessageContaining("already exists");
        assertThat(store().activeJobIds("acme", "ann")).containsExactly(first.id());
        assertThat(store().insert(keyed("k-clash", T0.plusSeconds(1)).build()).created()).isTrue();
        assertThat(store().insert(keyed("k-new", T0.plusSeconds(1)).build()).created()).isTrue();
    }

    @Test
    void anExpiredKeyInABatchStartsANewJobThatHoldsTheKeyFromThenOn() {
        Job old = insert(keyed("k-old", T0));
        store().cancelPending(old.id(), T0.plusSeconds(1));
        Instant later = T0.plus(LIFETIME);

        List<InsertOutcome> out = insertAll(List.of(keyed("k-old", later), keyed("k-old", later)));

        assertThat(out.get(0).created()).isTrue();
        assertThat(out.get(0).job().id()).isNotEqualTo(old.id());
        assertThat(out.get(1).created()).isFalse();
        assertThat(out.get(1).job().id()).isEqualTo(out.get(0).job().id());
        assertThat(store().insert(keyed("k-old", later.plusSeconds(5)).build()).job().id()).isEqualTo(out.get(0).job().id());
    }

    /** More jobs than one statement takes: the keys are claimed in key order across statements. */
    @Test
    void aBatchOfManyStatementsAnswersEveryKeyWithTheJobThatHoldsIt() {
        Map<String, UUID> earlier = new HashMap<>();
        for (int k = 0; k < 2_600; k += 100) {
            earlier.put("k-" + k, insert(keyed("k-" + k, T0)).id());
        }
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < 2_600; i++) {
            specs.add(keyed("k-" + (2_599 - i), T0.plusSeconds(5)));  // against key order
            if (i % 7 == 0) {
                specs.add(keyed("k-" + (2_599 - i), T0.plusSeconds(5))); // a repeat right after its first
            }
        }

        List<InsertOutcome> out = insertAll(specs);

        Map<String, UUID> holderOf = new HashMap<>(earlier);
        for (int i = 0; i < specs.size(); i++) {
            String key = specs.get(i).key;
            UUID holder = holderOf.putIfAbsent(key, out.get(i).job().id());
            assertThat(out.get(i).created()).as("job %d, key %s", i, key).isEqualTo(holder == null);
            if (holder != null) {
                assertThat(out.get(i).job().id()).as("job %d, key %s", i, key).isEqualTo(holder);
            }
        }
        assertThat(store().activeJobIds("acme", "ann")).hasSize(2_600);
        for (String key : List.of("k-0", "k-1", "k-1234", "k-2599")) {
            assertThat(store().insert(keyed(key, T0.plusSeconds(9)).build()).job().id()).isEqualTo(holderOf.get(key));
        }
    }

    @Test
    void aBatchReusingAJobIdIsRefusedAndLeavesItsKeysFree() {
        Job first = insert(JobSpec.job());

        assertThatThrownBy(() -> insertAll(List.of(keyed("k-new", T0), keyed("k-clash", T0).id(first.id()))))
                .isInstanceOf(LongrunException.class)
                .hasMessageContaining("already exists");
        assertThat(store().activeJobIds("acme", "ann")).containsExactly(first.id());
        assertThat(store().insert(keyed("k-clash", T0.plusSeconds(1)).build()).created()).isTrue();
        assertThat(store().insert(keyed("k-new", T0.plusSeconds(1)).build()).created()).isTrue();
    }
}
