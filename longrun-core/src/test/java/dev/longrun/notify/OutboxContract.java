package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exactly one notification per outcome that concerns the owner, in the status change's transaction: written by the
 * jobs table's trigger on SQLite, by the statement that makes the change on PostgreSQL (migration V13).
 */
abstract class OutboxContract extends NotifyContract {

    @Test
    void aSucceededJobLeavesExactlyOneUnplannedNotificationForItsOwner() {
        Job job = run("n.quick", JobStatus.SUCCEEDED);

        assertThat(notificationsOf(job.id())).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.SUCCEEDED);
            assertThat(n.userId()).isEqualTo("alice");
            assertThat(n.accountId()).isEqualTo(account);
            assertThat(n.createdAt()).isEqualTo(job.updatedAt());
            assertThat(n.plannedAt()).isNull();
            assertThat(n.read()).isFalse();
        });
        assertThat(store.unread(account, "alice")).isEqualTo(1);
        assertThat(store.inbox(account, "bob", null, 50)).isEmpty();
    }

    @Test
    void aFailedJobNotifiesWithItsError() {
        Job job = run("n.fail", JobStatus.FAILED);

        assertThat(notificationsOf(job.id())).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.FAILED);
            assertThat(n.body()).isEqualTo("Row 18: email is missing");
        });
    }

    @Test
    void needsActionNotifiesAndTheConfirmedJobNotifiesAgainWhenItSucceeds() {
        Job job = run("n.ask", JobStatus.NEEDS_ACTION);
        assertThat(notificationsOf(job.id())).extracting(Notification::kind).containsExactly(NotificationKind.NEEDS_ACTION);

        longrun.confirm(job.id());
        awaitStatus(job.id(), JobStatus.SUCCEEDED);

        assertThat(notificationsOf(job.id())).extracting(Notification::kind)
                .containsExactly(NotificationKind.SUCCEEDED, NotificationKind.NEEDS_ACTION);
    }

    @Test
    void theUsersOwnCancelDoesNotNotifyThem() {
        Job pending = longrun.start("n.quick", Map.of("n", "later"), alice.runAfter(clock.instant().plusSeconds(3600))).job();
        longrun.cancel(pending.id());
        Job running = longrun.start("n.gated", Map.of("n", "gated"), alice).job();
        awaitStatus(running.id(), JobStatus.RUNNING);
        longrun.cancel(running.id()); // the handler sees the request at its next check and stops
        awaitStatus(running.id(), JobStatus.CANCELLED);
        Job asked = run("n.ask", JobStatus.NEEDS_ACTION);
        longrun.cancel(asked.id());

        awaitStatus(pending.id(), JobStatus.CANCELLED);
        awaitStatus(asked.id(), JobStatus.CANCELLED);
        assertThat(notificationsOf(pending.id())).isEmpty();
        assertThat(notificationsOf(asked.id())).extracting(Notification::kind).containsExactly(NotificationKind.NEEDS_ACTION);
        assertThat(notificationsOf(running.id())).isEmpty();
        assertThat(longrun.get(running.id()).orElseThrow().cancelRequested()).isTrue();
    }

    @Test
    void aJobCancelledByTheSystemNotifiesItsOwner() {
        Job job = run("n.selfcancel", JobStatus.CANCELLED);

        assertThat(job.cancelRequested()).isFalse();
        assertThat(notificationsOf(job.id())).extracting(Notification::kind).containsExactly(NotificationKind.CANCELLED);
    }

    @Test
    void aJobThatCannotStartBecauseItsDependencyFailedNotifiesItsOwner() {
        Job failed = run("n.fail", JobStatus.FAILED);
        Job dependent = longrun.start("n.quick", Map.of("n", "after"), alice.dependsOn(failed.id())).job();

        awaitStatus(dependent.id(), JobStatus.FAILED);
        assertThat(notificationsOf(dependent.id())).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.FAILED);
            assertThat(n.userId()).isEqualTo("alice");
        });
    }
}
