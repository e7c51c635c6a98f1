package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paging the jobs list while jobs finish between page reads, on purpose: every job that existed when the first page
 * was read is listed exactly once, whatever finishes or starts meanwhile. Seeded random walks (the seed is the
 * parameter, shown in the test name).
 */
abstract class StablePagingContract extends StoreTests {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyJobIsListedOnceWhileJobsFinishBetweenPages(long seed) {
        Random random = new Random(seed);
        Instant now = T0.plusSeconds(1_000);
        List<Job> active = new ArrayList<>();
        Set<UUID> existing = new HashSet<>();
        int count = 20 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            int fate = random.nextInt(3);
            // Ties in created_at on purpose (the id breaks them); a queue of its own so the claim below takes this job.
            Job job = insert(JobSpec.job().createdAt(T0.plusSeconds(random.nextInt(15))).queue("q-" + i));
            existing.add(job.id());
            switch (fate) {
                case 0 -> store().cancelPending(job.id(), T0.plusSeconds(100 + random.nextInt(50)));
                case 1 -> active.add(claimOne(job, T0.plusSeconds(20)));
                default -> active.add(job);
            }
        }

        JobQuery query = JobQuery.forUser("acme", "ann").withLimit(1 + random.nextInt(7));
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JobPage page = store().list(query.withCursor(cursor), now);
            page.jobs().forEach(j -> seen.add(j.id()));
            cursor = page.nextCursor();
            pages++;
            now = now.plusMillis(1 + random.nextInt(500));
            finishSome(active, random, now);
            if (random.nextInt(4) == 0) {
                insert(JobSpec.job().createdAt(now)); // a new job while paging: listed or not, never twice
            }
        } while (cursor != null && pages < 200);

        assertThat(seen).as("seed %d: no job twice", seed).doesNotHaveDuplicates();
        assertThat(seen).as("seed %d: every job that existed at the first page", seed).containsAll(existing);
    }

    private Job claimOne(Job job, Instant at) {
        List<Job> claimed = store().claim(new ClaimRequest(Set.of(job.queue()), 1, WORKER, at, at.plus(LEASE)));
        assertThat(claimed).extracting(Job::id).containsExactly(job.id());
        return claimed.get(0);
    }

    private void finishSome(List<Job> active, Random random, Instant at) {
        int n = Math.min(active.size(), random.nextInt(4));
        for (int i = 0; i < n; i++) {
            Job job = active.remove(random.nextInt(active.size()));
            if (job.leaseOwner() != null) {
                assertThat(store().finish(List.of(Finish.succeeded(job.id(), WORKER, "{}", null, at)))).hasSize(1);
            } else {
                assertThat(store().cancelPending(job.id(), at)).isPresent();
            }
        }
    }
}
