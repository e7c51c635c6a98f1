package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.Job;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.LongrunException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The jobs list: active first, then the most recently finished; filters; cursor paging; counts per status. */
abstract class ListContract extends StoreTests {

    @Test
    void activeJobsComeFirstNewestFirstThenFinishedOnesMostRecentlyFinishedFirst() {
        Job oldPending = insert(JobSpec.job().createdAt(T0.minusSeconds(300)));
        Job newDone = insert(JobSpec.job().createdAt(T0.minusSeconds(10)));
        store().cancelPending(newDone.id(), T0.minusSeconds(5));
        // Started long before, finished last: it heads the finished ones.
        Job oldDone = insert(JobSpec.job().createdAt(T0.minusSeconds(200)));
        store().cancelPending(oldDone.id(), T0);
        Job newPending = insert(JobSpec.job().createdAt(T0.minusSeconds(20)));

        JobPage page = store().list(JobQuery.forUser("acme", "ann"), NOW);

        assertThat(page.jobs()).extracting(Job::id).containsExactly(newPending.id(), oldPending.id(), oldDone.id(), newDone.id());
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void pagingFinishedJobsByCompletionTimeReturnsEachOnceInOrder() {
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            // Created in one order, finished in the reverse one; pairs share a finish time, so the id breaks ties.
            Job job = insert(JobSpec.job().createdAt(T0.minusSeconds(100 - i)));
            store().cancelPending(job.id(), T0.minusSeconds(50 - (10 - i) / 2));
        }
        List<Job> all = store().list(JobQuery.forUser("acme", "ann").withLimit(50), NOW).jobs();
        all.forEach(j -> expected.add(j.id()));
        assertThat(all).extracting(Job::completedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            JobPage page = store().list(JobQuery.forUser("acme", "ann").withLimit(3).withCursor(cursor), NOW);
            page.jobs().forEach(j -> seen.add(j.id()));
            cursor = page.nextCursor();
        } while (cursor != null && seen.size() < 50);

        assertThat(seen).isEqualTo(expected).hasSize(11);
    }

    @Test
    void countsJobsPerStatusInTheListAndThoseClearedFromIt() {
        insert(JobSpec.job().type("contacts.export"));
        Job done = insert(JobSpec.job().type("contacts.export"));
        store().cancelPending(done.id(), T0);
        Job cleared = insert(JobSpec.job().type("contacts.import"));
        store().cancelPending(cleared.id(), T0);
        store().hideFinished("acme", "ann", T0.plusSeconds(1));
        insert(JobSpec.job().type("contacts.import"));
        insert(JobSpec.job().user("bob"));

        dev.longrun.JobCounts all = store().countJobs(JobQuery.forUser("acme", "ann"));
        dev.longrun.JobCounts imports = store().countJobs(JobQuery.forUser("acme", "ann").withTypes(Set.of("contacts.import")));

        assertThat(all.listed()).containsEntry(JobStatus.PENDING, 2L).containsEntry(JobStatus.CANCELLED, 0L)
                .containsEntry(JobStatus.RUNNING, 0L).hasSize(JobStatus.values().length);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.cleared()).isEqualTo(2);
        assertThat(imports.listed()).containsEntry(JobStatus.PENDING, 1L);
        assertThat(imports.cleared()).isEqualTo(1);
        assertThat(store().find(done.id()).orElseThrow().hiddenAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void aListingIsThePageAndTheCountsOfItsQuery() {
        insert(JobSpec.job().type("contacts.export"));
        Job done = insert(JobSpec.job().type("contacts.export"));
        store().cancelPending(done.id(), T0);
        insert(JobSpec.job().type("contacts.import"));
        JobQuery pendingExports = JobQuery.forUser("acme", "ann").withStatuses(Set.of(JobStatus.PENDING)).withTypes(Set.of("contacts.export"));

        dev.longrun.JobListing listing = store().listWithCounts(pendingExports, NOW);

        assertThat(listing.page()).isEqualTo(store().list(pendingExports, NOW));
        assertThat(listing.counts()).as("the tabs' counts ignore the status filter").isEqualTo(store().countJobs(pendingExports));
        assertThat(listing.counts().listed()).containsEntry(JobStatus.PENDING, 1L).containsEntry(JobStatus.CANCELLED, 1L);
    }

    @Test
    void aListingsPageAndCountsAgreeWhileJobsChange() throws Exception {
        // Read apart, a job cancelled between the page and the counts was listed pending and counted cancelled.
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            jobs.add(insert(JobSpec.job().createdAt(T0.minusSeconds(i))));
        }
        JobQuery all = JobQuery.forUser("acme", "ann").withLimit(JobQuery.MAX_LIMIT);
        var writer = java.util.concurrent.CompletableFuture.runAsync(() -> jobs.forEach(j -> store().cancelPending(j.id(), T0)));
        int reads = 0;
        while (!writer.isDone() || reads == 0) {
            dev.longrun.JobListing listing = store().listWithCounts(all, NOW);
            for (JobStatus status : List.of(JobStatus.PENDING, JobStatus.CANCELLED)) {
                assertThat(listing.page().jobs().stream().filter(j -> j.status() == status).count())
                        .as("%s jobs listed and counted in read %d", status, reads).isEqualTo(listing.counts().listed().get(status));
            }
            reads++;
        }
        writer.get();
    }

    @Test
    void pagingThroughReturnsEveryJobExactlyOnce() {
        Set<UUID> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            // Pairs share a created_at, so the id breaks ties.
            Job job = insert(JobSpec.job().createdAt(T0.minusSeconds(i / 2)));
            if (i % 3 == 0) {
                store().cancelPending(job.id(), T0);
            }
            expected.add(job.id());
        }
        List<UUID> seen = new ArrayList<>();
        JobQuery query = JobQuery.forUser("acme", "ann").withLimit(5);
        String cursor = null;
        int pages = 0;
        do {
            JobPage page = store().list(query.withCursor(cursor), NOW);
            page.jobs().forEach(j -> seen.add(j.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void onlyTheUsersOwnJobsAreListed() {
        Job mine = insert(JobSpec.job());
        insert(JobSpec.job().user("bob"));
        insert(JobSpec.job().account("globex"));

        assertThat(store().list(JobQuery.forUser("acme", "ann"), NOW).jobs()).extracting(Job::id).containsExactly(mine.id());
    }

    @Test
    void filtersByStatusTypeAndIds() {
        Job export = insert(JobSpec.job().type("contacts.export"));
        Job importJob = insert(JobSpec.job().type("contacts.import"));
        Job cancelled = insert(JobSpec.job().type("contacts.import"));
        store().cancelPending(cancelled.id(), T0);
        JobQuery all = JobQuery.forUser("acme", "ann");

        assertThat(store().list(all.withStatuses(Set.of(JobStatus.CANCELLED)), NOW).jobs()).extracting(Job::id).containsExactly(cancelled.id());
        assertThat(store().list(all.withTypes(Set.of("contacts.import")), NOW).jobs()).extracting(Job::id)
                .containsExactlyInAnyOrder(importJob.id(), cancelled.id());
        assertThat(store().list(all.withIds(Set.of(export.id(), cancelled.id(), UUID.randomUUID())), NOW).jobs()).extracting(Job::id)
                .containsExactlyInAnyOrder(export.id(), cancelled.id());
        assertThat(store().list(all.withStatuses(Set.of(JobStatus.PENDING)).withTypes(Set.of("contacts.import")), NOW).jobs())
                .extracting(Job::id).containsExactly(importJob.id());
    }

    @Test
    void aCursorThisServerDidNotIssueIsRefusedClearly() {
        assertThatThrownBy(() -> store().list(JobQuery.forUser("acme", "ann").withCursor("not-a-cursor"), NOW))
                .isInstanceOf(LongrunException.class)
                .hasMessageContaining("start again without a cursor")
                .extracting(e -> ((LongrunException) e).code()).isEqualTo("invalid_cursor");
    }

    @Test
    void findManyReturnsTheKnownJobs() {
        Job a = insert(JobSpec.job());
        Job b = insert(JobSpec.job());
        assertThat(store().findMany(List.of(a.id(), b.id(), UUID.randomUUID()))).extracting(Job::id)
                .containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(store().find(UUID.randomUUID())).isEmpty();
    }
}
