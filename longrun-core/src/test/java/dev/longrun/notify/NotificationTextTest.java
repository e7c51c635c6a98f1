package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Action;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.ResultFile;
import dev.longrun.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What notifications say: the outcome in plain words, figures formatted for people, the next step. */
class NotificationTextTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");
    final NotificationText text = new NotificationText(type -> type.equals("contacts.export") ? "Export contacts" : null, Duration.ofHours(24));

    static Job job(String type, JobStatus status, JobResult result, String error, Summary summary, Action action) {
        return new Job(UUID.randomUUID(), "acme", "alice", type, "default", 0, status, null, null, null, null, null, T, T, T, T, T,
                null, true, null, 1, 3, null, null, result, error, null, null, summary, action, false, null, null, null, null, null,
                null, null, 2);
    }

    static Notification note(Job job, NotificationKind kind) {
        return new Notification(1, job.id(), "acme", "alice", kind, "Your job is done", null, null, T, null, null, 1);
    }

    @Test
    void aFinishedExportSaysItIsReadyWithRowsSizeAndHowLongTheLinkLasts() {
        Job job = job("contacts.export", JobStatus.SUCCEEDED,
                JobResult.file(new ResultFile("contacts.csv", "text/csv", 12_400_000L, 48_291L, "k"), null), null, null, null);

        Rendered r = text.render(note(job, NotificationKind.SUCCEEDED), job);

        assertThat(r.title()).isEqualTo("Export contacts is ready");
        assertThat(r.body()).isEqualTo("48,291 rows, 12.4 MB. Download contacts.csv (link valid for 24 hours).");
        assertThat(r.link()).isEqualTo("/jobs/" + job.id());
    }

    @Test
    void aFailureGivesTheErrorAndTheNextStep() {
        Job partial = job("contacts.invite", JobStatus.FAILED, null, "12 of 50 invitations bounced", new Summary(38, 12, 0, 0), null);

        Rendered r = text.render(note(partial, NotificationKind.FAILED), partial);

        assertThat(r.title()).as("the type name when it has no label").isEqualTo("contacts.invite failed");
        assertThat(r.body()).isEqualTo("12 of 50 invitations bounced. The other items went through; you can retry only the failed ones from the job page.");
    }

    @Test
    void aFailureARetryCannotCureSendsThePersonToFixItNotToRetry() {
        // As the job page says: no Retry is offered there for a failure the job called permanent, only Start over.
        Job permanent = new Job(UUID.randomUUID(), "acme", "alice", "contacts.export", "default", 0, JobStatus.FAILED, null, null,
                null, null, null, T, T, T, T, T, null, true, null, 1, 3, null, null, null, "The saved filter no longer exists",
                "filter_missing", false, null, null, false, null, null, null, null, null, null, null, 2);
        Job transientAtLast = job("contacts.export", JobStatus.FAILED, null, "The database did not answer", null, null);

        assertThat(text.render(note(permanent, NotificationKind.FAILED), permanent).body()).isEqualTo(
                "The saved filter no longer exists. Running it again as it is would fail the same way: fix what the message says,"
                        + " then start it again from the job page.");
        assertThat(text.render(note(transientAtLast, NotificationKind.FAILED), transientAtLast).body())
                .isEqualTo("The database did not answer. You can retry it from the job page; if it fails again, check the message above.");
    }

    @Test
    void needsActionAndSystemCancelSayWhatToDo() {
        Job asked = job("contacts.export", JobStatus.NEEDS_ACTION, null, null, null,
                new Action("import_preview", "842 rows parsed · 3 issues found. Import the 839 valid rows?", null));
        Job stopped = job("contacts.export", JobStatus.CANCELLED, null, null, null, null);

        assertThat(text.render(note(asked, NotificationKind.NEEDS_ACTION), asked).body())
                .isEqualTo("842 rows parsed · 3 issues found. Import the 839 valid rows? Open the job to review it and continue.");
        assertThat(text.render(note(stopped, NotificationKind.CANCELLED), stopped))
                .satisfies(r -> assertThat(r.title()).isEqualTo("Export contacts was stopped"))
                .satisfies(r -> assertThat(r.body()).isEqualTo("It was cancelled by the system, not by you. You can start it again from the job page."));
    }

    @Test
    void sizesAndCountsReadLikePeopleWriteThem() {
        assertThat(NotificationText.size(512)).isEqualTo("512 bytes");
        assertThat(NotificationText.size(980_000)).isEqualTo("980 KB");
        assertThat(NotificationText.size(1_500_000_000L)).isEqualTo("1.5 GB");
        assertThat(NotificationText.count(1, "row")).isEqualTo("1 row");
        assertThat(NotificationText.hours(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }
}
