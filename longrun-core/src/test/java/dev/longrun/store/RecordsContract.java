package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.JobQuery;
import dev.longrun.LogLevel;
import dev.longrun.Summary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Logs, item outcomes, result files, retention and the dashboard's bulk actions. */
abstract class RecordsContract extends StoreTests {

    final JobJson json = new JobJson();

    @Test
    void keptEstimateShapesComeBackNewestFirstAndOnlyTheNewestAreKept() {
        for (int i = 1; i <= 5; i++) {
            store().history().keepShape("contacts.export", "shape " + i, T0.plusSeconds(i), 3);
        }
        store().history().keepShape("reports.generate", "other", T0, 3);

        assertThat(store().history().recentShapes("contacts.export", 10)).containsExactly("shape 5", "shape 4", "shape 3");
        assertThat(store().history().recentShapes("contacts.export", 2)).containsExactly("shape 5", "shape 4");
        assertThat(store().history().recentShapes("reports.generate", 10)).containsExactly("other");
        assertThat(store().history().recentShapes("unknown", 10)).isEmpty();
    }

    @Test
    void logsReturnTheLatestLinesOldestFirst() {
        Job job = insert(JobSpec.job());
        List<NewLog> lines = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            lines.add(new NewLog(job.id(), i == 5 ? LogLevel.WARN : LogLevel.INFO, "line " + i, T0.plusSeconds(i)));
        }
        store().records().appendLogs(lines);

        List<JobLog> latest = store().records().logs(job.id(), 3);

        assertThat(latest).extracting(JobLog::message).containsExactly("line 3", "line 4", "line 5");
        assertThat(latest.get(2).level()).isEqualTo(LogLevel.WARN);
        assertThat(latest.get(2).timestamp()).isEqualTo(T0.plusSeconds(5));
        assertThat(latest.get(0).jobId()).isEqualTo(job.id());
        assertThat(latest.get(0).id()).isLessThan(latest.get(1).id());
    }

    @Test
    void itemOutcomesAreUpsertedByKeyAndCounted() {
        Job job = insert(JobSpec.job());
        store().records().saveItems(List.of(
                new JobItem(job.id(), "row 2", ItemStatus.SUCCEEDED, null, null, T0),
                new JobItem(job.id(), "row 3", ItemStatus.FAILED, "Invalid email address", json.readTree("{\"column\":\"email\"}"), T0),
                new JobItem(job.id(), "row 4", ItemStatus.SKIPPED, "Duplicate", null, T0),
                new JobItem(job.id(), "row 5", ItemStatus.WARNING, "Name trimmed", null, T0)));
        store().records().saveItems(List.of(new JobItem(job.id(), "row 4", ItemStatus.FAILED, "Still a duplicate", null, T0.plusSeconds(1))));

        assertThat(store().records().countItems(job.id())).isEqualTo(new Summary(1, 2, 0, 1));
        List<JobItem> failed = store().records().items(job.id(), ItemStatus.FAILED, 10);
        assertThat(failed).extracting(JobItem::key).containsExactly("row 3", "row 4");
        assertThat(failed.get(0).detail().get("column").asString()).isEqualTo("email");
        assertThat(failed.get(1).message()).isEqualTo("Still a duplicate");
        assertThat(store().records().items(job.id(), null, 2)).hasSize(2);
        // Paging: an offset skips as many of the same order.
        List<JobItem> all = store().records().items(job.id(), null, 10);
        assertThat(store().records().items(job.id(), null, 1, 2)).extracting(JobItem::key)
                .containsExactly(all.get(1).key(), all.get(2).key());
        assertThat(store().records().items(job.id(), null, all.size(), 10)).isEmpty();
        assertThat(store().records().countItems(insert(JobSpec.job()).id())).isEqualTo(Summary.EMPTY);
    }

    @Test
    void itemsRecordedInTheSameMomentListInRowOrderNotTextOrder() {
        Job job = insert(JobSpec.job());
        // A fast import records many rows within one millisecond; as text, "row 10" would come before "row 9".
        store().records().saveItems(List.of(
                new JobItem(job.id(), "row 10", ItemStatus.FAILED, "Invalid email address", null, T0),
                new JobItem(job.id(), "row 9", ItemStatus.FAILED, "Invalid email address", null, T0),
                new JobItem(job.id(), "row 100", ItemStatus.FAILED, "Invalid email address", null, T0),
                new JobItem(job.id(), "row 11", ItemStatus.FAILED, "Invalid email address", null, T0)));

        assertThat(store().records().items(job.id(), ItemStatus.FAILED, 10)).extracting(JobItem::key)
                .containsExactly("row 9", "row 10", "row 11", "row 100");
        assertThat(store().records().items(job.id(), null, 1, 2)).extracting(JobItem::key).containsExactly("row 10", "row 11");
    }

    @Test
    void resultFilesAreTrackedUntilDeleted() {
        Job job = insert(JobSpec.job());
        store().records().recordFile(new StoredFile("results/a.csv", job.id(), "a.csv", T0));
        store().records().recordFile(new StoredFile("results/b.csv", job.id(), "b.csv", T0.plusSeconds(60)));

        assertThat(store().records().filesOf(List.of(job.id()))).extracting(StoredFile::storageKey).containsExactly("results/a.csv", "results/b.csv");
        assertThat(store().records().filesCreatedBefore(T0.plusSeconds(30), 10))
                .containsExactly(new StoredFile("results/a.csv", job.id(), "a.csv", T0));

        store().records().markFileDeleted("results/a.csv");

        assertThat(store().records().filesCreatedBefore(T0.plusSeconds(3600), 10)).extracting(StoredFile::storageKey).containsExactly("results/b.csv");
        assertThat(store().records().filesOf(List.of(job.id()))).extracting(StoredFile::storageKey).containsExactly("results/b.csv");
    }

    @Test
    void pruningDeletesOldFinishedJobsWithTheirLogsAndItemsButKeepsActiveOnes() {
        Job old = running(JobSpec.job());
        store().records().appendLogs(List.of(new NewLog(old.id(), LogLevel.INFO, "x", T0)));
        store().records().saveItems(List.of(new JobItem(old.id(), "1", ItemStatus.SUCCEEDED, null, null, T0)));
        store().finish(List.of(Finish.succeeded(old.id(), WORKER, null, null, T0)));
        Job recent = running(JobSpec.job());
        store().finish(List.of(Finish.succeeded(recent.id(), WORKER, null, null, T0.plusSeconds(100))));
        Job active = insert(JobSpec.job());
        store().records().recordFile(new StoredFile("results/old-deleted.csv", old.id(), "old.csv", T0));
        store().records().recordFile(new StoredFile("results/old-kept.csv", old.id(), "old.csv", T0));
        store().records().markFileDeleted("results/old-deleted.csv");

        assertThat(store().pruneFinished(T0.plusSeconds(50), 100)).isEqualTo(1);

        assertThat(store().find(old.id())).isEmpty();
        assertThat(store().records().logs(old.id(), 10)).isEmpty();
        assertThat(store().records().items(old.id(), null, 10)).isEmpty();
        assertThat(store().find(recent.id())).isPresent();
        assertThat(store().find(active.id())).isPresent();
        // A file not deleted yet stays tracked after its job is gone, so retention still removes it.
        assertThat(store().records().filesOf(List.of(old.id()))).extracting(StoredFile::storageKey).containsExactly("results/old-kept.csv");
    }

    @Test
    void bulkActionsTouchOnlyTheUsersJobs() {
        Job pending = insert(JobSpec.job());
        Job done = insert(JobSpec.job());
        store().cancelPending(done.id(), T0);
        Job othersDone = insert(JobSpec.job().user("bob"));
        store().cancelPending(othersDone.id(), T0);
        insert(JobSpec.job().user("bob"));

        assertThat(store().activeJobIds("acme", "ann")).containsExactly(pending.id());
        assertThat(store().hideFinished("acme", "ann", T0)).containsExactly(done.id());
        assertThat(store().list(JobQuery.forUser("acme", "ann"), NOW).jobs()).extracting(Job::id).containsExactly(pending.id());
        assertThat(store().list(JobQuery.forUser("acme", "ann").withHistory(true), NOW).jobs()).extracting(Job::id)
                .containsExactly(pending.id(), done.id());
        assertThat(store().find(done.id())).as("hidden, not deleted").isPresent();
        assertThat(store().list(JobQuery.forUser("acme", "bob"), NOW).jobs()).extracting(Job::id).contains(othersDone.id());
        // Retention deletes hidden jobs like any other finished job.
        assertThat(store().pruneFinished(T0.plusSeconds(1), 100)).isEqualTo(2);
        assertThat(store().find(done.id())).isEmpty();
    }

    @Test
    void usersWithoutAnAccountAreMatchedToo() {
        Job job = insert(JobSpec.job().account(null));
        assertThat(store().activeJobIds(null, "ann")).containsExactly(job.id());
        assertThat(store().activeJobIds("acme", "ann")).isEmpty();
    }
}
