package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the contract's parts: the store under test, a clean database before each test, and the few
 * steps most tests start with (insert, claim). Each part is a @Nested class of {@link JobStoreContract}.
 */
abstract class StoreTests {

    static final Instant T0 = JobSpec.T0;
    /** When the list tests read: after every time the tests write. */
    static final Instant NOW = T0.plusSeconds(3_600);
    static final Duration LEASE = Duration.ofSeconds(30);
    static final String WORKER = "node-a";

    abstract JobStore store();

    abstract void wipe();

    @BeforeEach
    void startFromAnEmptyStore() {
        wipe();
    }

    Job insert(JobSpec spec) {
        return store().insert(spec.build()).job();
    }

    List<Job> claim(String queue, int limit, String owner, Instant now) {
        return store().claim(new ClaimRequest(Set.of(queue), limit, owner, now, now.plus(LEASE)));
    }

    /** A job inserted and claimed by {@link #WORKER} at {@code T0}. */
    Job running(JobSpec spec) {
        Job job = insert(spec);
        List<Job> claimed = claim(job.queue(), 1, WORKER, T0);
        assertThat(claimed).extracting(Job::id).containsExactly(job.id());
        return claimed.get(0);
    }

    Job reload(UUID id) {
        return store().find(id).orElseThrow(() -> new AssertionError("job " + id + " is gone"));
    }
}
