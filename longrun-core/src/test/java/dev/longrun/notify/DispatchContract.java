package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.StartOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dispatcher: channels decided once, each (notification, channel) delivered once, retried with backoff. */
abstract class DispatchContract extends NotifyContract {

    /** A job that ran for {@code minutes} on the test clock. */
    Job longJob(int minutes) {
        Job started = longrun.start("n.gated", Map.of("n", UUID.randomUUID().toString()), alice).job();
        awaitStatus(started.id(), JobStatus.RUNNING);
        clock.advance(Duration.ofMinutes(minutes));
        jobs.release();
        return awaitStatus(started.id(), JobStatus.SUCCEEDED);
    }

    static void drain(Dispatcher d) {
        for (int i = 0; i < 20 && d.runOnce() > 0; i++) {
            // until nothing is due
        }
    }

    Delivery emailDelivery(Notification n) {
        return store.deliveries(n.id()).stream().filter(x -> x.channel().equals(Delivery.EMAIL)).findFirst().orElseThrow();
    }

    @Test
    void aJobLongerThanFiveMinutesIsEmailedOnceAndAShortOneIsNot() {
        Job slow = longJob(6);
        Job quick = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher d = dispatcher(email);

        drain(d);
        drain(d);

        assertThat(email.attempts).singleElement().satisfies(a -> {
            assertThat(a.job().id()).isEqualTo(slow.id());
            assertThat(a.notification().title()).isEqualTo("Export contacts is done");
            assertThat(a.notification().body()).isEqualTo("Exported 48,291 contacts.");
            assertThat(a.notification().link()).isEqualTo("/jobs/" + slow.id());
        });
        Notification slowNote = notificationsOf(slow.id()).getFirst();
        assertThat(emailDelivery(slowNote).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(emailDelivery(slowNote).attempts()).isEqualTo(1);
        Notification quickNote = notificationsOf(quick.id()).getFirst();
        assertThat(quickNote.plannedAt()).isNotNull();
        assertThat(quickNote.title()).isEqualTo("Import contacts is done");
        assertThat(store.deliveries(quickNote.id())).isEmpty();
    }

    @Test
    void aUserWhoChoseEmailGetsItForShortJobsAndTheInboxEntryIsAlreadyRead() {
        store.preferences().replace(account, "alice", List.of(new Preference("n.quick", PreferenceChannel.EMAIL)));
        Job quick = run("n.quick", JobStatus.SUCCEEDED);

        drain(dispatcher(email));

        assertThat(email.attempts).extracting(a -> a.job().id()).containsExactly(quick.id());
        assertThat(notificationsOf(quick.id()).getFirst().read()).isTrue();
    }

    @Test
    void inAppOnlyForAllTypesMeansNoEmailEvenForALongJob() {
        store.preferences().replace(account, "alice", List.of(new Preference(Preference.ALL_TYPES, PreferenceChannel.IN_APP)));
        Job slow = longJob(30);

        drain(dispatcher(email));

        assertThat(email.attempts).isEmpty();
        Notification n = notificationsOf(slow.id()).getFirst();
        assertThat(n.plannedAt()).isNotNull();
        assertThat(n.read()).isFalse();
    }

    @Test
    void aTypesOwnChoiceWinsOverTheChoiceForAllTypes() {
        store.preferences().replace(account, "alice", List.of(new Preference(Preference.ALL_TYPES, PreferenceChannel.IN_APP),
                new Preference("n.fail", PreferenceChannel.BOTH)));
        Job failed = run("n.fail", JobStatus.FAILED);

        drain(dispatcher(email));

        assertThat(email.attempts).singleElement().satisfies(a -> {
            assertThat(a.job().id()).isEqualTo(failed.id());
            assertThat(a.notification().title()).isEqualTo("Import contacts failed");
            assertThat(a.notification().body()).startsWith("Row 18: email is missing.").contains("start it again");
        });
        assertThat(notificationsOf(failed.id()).getFirst().read()).isFalse();
    }

    @Test
    void oneRoundPlansEachOwnerOfABatchByTheirOwnChoice() {
        // One round plans them all together and reads each owner's choice once: a choice must not leak to another
        // user of the account, nor to a user of the same name in another account.
        String other = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        store.preferences().replace(account, "alice", List.of(new Preference("n.quick", PreferenceChannel.EMAIL)));
        store.preferences().replace(account, "bob", List.of(new Preference(Preference.ALL_TYPES, PreferenceChannel.IN_APP)));
        Job alices = run("n.quick", JobStatus.SUCCEEDED);
        Job alicesSecond = run("n.quick", JobStatus.SUCCEEDED);
        Job bobs = runAs(StartOptions.forUser(account, "bob"));
        Job otherAlices = runAs(StartOptions.forUser(other, "alice"));
        Dispatcher d = dispatcher(email);

        assertThat(d.planNew()).as("planned in one round").isEqualTo(4);

        assertThat(email.attempts).isEmpty();
        drain(d);
        assertThat(email.attempts).extracting(a -> a.job().id()).containsExactlyInAnyOrder(alices.id(), alicesSecond.id());
        assertThat(notificationsOf(alices.id()).getFirst().read()).as("email only: already read").isTrue();
        assertThat(store.find(noteOf(bobs).id()).orElseThrow().read()).isFalse();
        assertThat(store.deliveries(noteOf(bobs).id())).isEmpty();
        Notification elsewhere = store.find(noteOf(otherAlices).id()).orElseThrow();
        assertThat(elsewhere.plannedAt()).isNotNull();
        assertThat(elsewhere.read()).as("another account's alice chose nothing").isFalse();
        assertThat(store.deliveries(elsewhere.id())).isEmpty();
    }

    @Test
    void aNotificationThatCannotBePlannedHoldsUpNoOther() {
        Job broken = run("n.quick", JobStatus.SUCCEEDED);
        Job fine = run("n.quick", JobStatus.SUCCEEDED);
        Job alsoFine = run("n.fail", JobStatus.FAILED);
        NotificationText text = new NotificationText(type -> type, Duration.ofHours(24));
        // the jobs' store refuses any read that includes the broken job, as a row it cannot map would
        Dispatcher d = new Dispatcher(store, ids -> {
            if (ids.contains(broken.id())) {
                throw new IllegalStateException("the job could not be read");
            }
            return longrun.getAll(ids);
        }, text, List.of(email), clock, "node-1", DispatchSettings.defaults());

        assertThat(d.planNew()).isEqualTo(2);

        assertThat(noteOf(broken).plannedAt()).as("left for the next round").isNull();
        assertThat(noteOf(fine).plannedAt()).isNotNull();
        assertThat(noteOf(alsoFine).plannedAt()).isNotNull();
        assertThat(dispatcher(email).planNew()).as("once its job can be read").isEqualTo(1);
        assertThat(noteOf(broken).plannedAt()).isNotNull();
    }

    @Test
    void severalOwnersChoicesAreReadAtOnceAndEachGetsOnlyTheirOwn() {
        String other = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        store.preferences().replace(account, "alice", List.of(new Preference("n.quick", PreferenceChannel.EMAIL)));
        store.preferences().replace(other, "bob", List.of(new Preference(Preference.ALL_TYPES, PreferenceChannel.IN_APP)));
        store.preferences().replace(other, "alice", List.of(new Preference("n.fail", PreferenceChannel.BOTH),
                new Preference(Preference.ALL_TYPES, PreferenceChannel.IN_APP)));
        PreferenceStore.Owner bobHere = new PreferenceStore.Owner(account, "bob");
        PreferenceStore.Owner aliceThere = new PreferenceStore.Owner(other, "alice");
        PreferenceStore.Owner nobody = new PreferenceStore.Owner(null, "alice");

        // alice here and bob there are among the accounts and names asked, but were not asked
        Map<PreferenceStore.Owner, List<Preference>> chosen = store.preferences().of(List.of(bobHere, aliceThere, nobody));

        assertThat(chosen).containsOnlyKeys(bobHere, aliceThere, nobody);
        assertThat(chosen.get(bobHere)).isEmpty();
        assertThat(chosen.get(nobody)).isEmpty();
        assertThat(chosen.get(aliceThere)).containsExactlyInAnyOrderElementsOf(store.preferences().of(other, "alice"))
                .hasSize(2);
    }

    Job runAs(StartOptions owner) {
        Job started = longrun.start("n.quick", Map.of("n", UUID.randomUUID().toString()), owner).job();
        return awaitStatus(started.id(), JobStatus.SUCCEEDED);
    }

    Notification noteOf(Job job) {
        return store.ofJob(job.id()).getFirst();
    }

    @Test
    void aFailedDeliveryIsRetriedWithExponentialBackoffUntilItIsSent() {
        store.preferences().replace(account, "alice", List.of(new Preference("n.quick", PreferenceChannel.BOTH)));
        email.thenAnswer(DeliveryOutcome.retry("SMTP server not reachable"), DeliveryOutcome.retry("SMTP server not reachable"));
        Job quick = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher d = dispatcher(DispatchSettings.defaults().withRetry(Duration.ofSeconds(30), Duration.ofHours(1), 8), email);
        Instant first = clock.instant();

        drain(d);
        Notification n = notificationsOf(quick.id()).getFirst();
        assertThat(emailDelivery(n).attempts()).isEqualTo(1);
        assertThat(emailDelivery(n).lastError()).isEqualTo("SMTP server not reachable");
        assertThat(emailDelivery(n).nextAttemptAt()).isEqualTo(first.plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        drain(d);
        assertThat(email.attempts).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        drain(d);
        assertThat(email.attempts).hasSize(2);
        assertThat(emailDelivery(n).nextAttemptAt()).isEqualTo(first.plusSeconds(30 + 60));

        clock.advance(Duration.ofSeconds(60));
        drain(d);
        assertThat(email.attempts).hasSize(3);
        assertThat(emailDelivery(n)).satisfies(x -> {
            assertThat(x.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(x.attempts()).isEqualTo(3);
            assertThat(x.lastError()).isNull();
            assertThat(x.sentAt()).isEqualTo(first.plusSeconds(90));
        });
    }

    @Test
    void aDeliveryGivesUpAfterItsLastAttemptAndAFinalFailureIsNotRetried() {
        store.preferences().replace(account, "alice", List.of(new Preference("*", PreferenceChannel.BOTH)));
        email.thenAnswer(DeliveryOutcome.retry("timeout"), DeliveryOutcome.retry("timeout"), DeliveryOutcome.retry("timeout"),
                DeliveryOutcome.giveUp("alice has no email address"));
        Job first = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher d = dispatcher(DispatchSettings.defaults().withRetry(Duration.ofSeconds(1), Duration.ofSeconds(1), 3), email);
        for (int i = 0; i < 4; i++) {
            drain(d);
            clock.advance(Duration.ofSeconds(1));
        }
        Job second = run("n.fail", JobStatus.FAILED);
        for (int i = 0; i < 4; i++) {
            drain(d);
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(emailDelivery(notificationsOf(first.id()).getFirst())).satisfies(x -> {
            assertThat(x.status()).isEqualTo(DeliveryStatus.GAVE_UP);
            assertThat(x.attempts()).isEqualTo(3);
            assertThat(x.lastError()).isEqualTo("Gave up after 3 attempts: timeout");
        });
        assertThat(emailDelivery(notificationsOf(second.id()).getFirst())).satisfies(x -> {
            assertThat(x.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(x.attempts()).isEqualTo(1);
            assertThat(x.lastError()).isEqualTo("alice has no email address");
        });
        assertThat(email.attempts).hasSize(4);
    }

    @Test
    void twoNodesDispatchingAtOnceDeliverEachNotificationExactlyOnce() throws Exception {
        store.preferences().replace(account, "alice", List.of(new Preference("*", PreferenceChannel.BOTH)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(longrun.start("n.quick", Map.of("n", i), alice).job().id());
        }
        ids.forEach(id -> awaitStatus(id, JobStatus.SUCCEEDED));
        Dispatcher a = dispatcher(email);
        Dispatcher b = dispatcher(email);

        try (var pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> runs = List.of(pool.submit(() -> drain(a)), pool.submit(() -> drain(b)));
            for (Future<?> f : runs) {
                f.get();
            }
        }

        Map<UUID, Long> perJob = email.attempts.stream().collect(Collectors.groupingBy(s -> s.job().id(), Collectors.counting()));
        assertThat(perJob).hasSize(12).allSatisfy((job, count) -> assertThat(count).as("emails for " + job).isEqualTo(1));
    }

    @Test
    void aDeliveryClaimedByANodeThatDiedIsSentByAnotherAfterTheLease() {
        store.preferences().replace(account, "alice", List.of(new Preference("*", PreferenceChannel.BOTH)));
        Job job = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher survivor = dispatcher(DispatchSettings.defaults().withLease(Duration.ofMinutes(2)), email);
        survivor.planNew();
        List<Delivery> taken = store.claim("dead-node", clock.instant(), clock.instant().plus(Duration.ofMinutes(2)), 10);
        assertThat(taken).hasSize(1);

        drain(survivor);
        assertThat(email.attempts).isEmpty();
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        drain(survivor);

        assertThat(email.attempts).singleElement().satisfies(a -> assertThat(a.job().id()).isEqualTo(job.id()));
        assertThat(store.recordSent(taken.getFirst().id(), "dead-node", clock.instant())).as("the late node's record").isFalse();
        assertThat(emailDelivery(notificationsOf(job.id()).getFirst()).attempts()).isEqualTo(1);
    }

    @Test
    void marksReadOnlyTheCallersOwnNotifications() {
        run("n.quick", JobStatus.SUCCEEDED);
        run("n.fail", JobStatus.FAILED);
        Notification mine = inbox().getFirst();

        assertThat(store.markRead(mine.id(), account, "bob", clock.instant())).isEmpty();
        assertThat(store.markRead(mine.id(), "other-account", "alice", clock.instant())).isEmpty();
        assertThat(store.find(mine.id()).orElseThrow().read()).isFalse();

        Notification read = store.markRead(mine.id(), account, "alice", clock.instant()).orElseThrow();
        assertThat(read.readAt()).isEqualTo(clock.instant());
        assertThat(store.markRead(mine.id(), account, "alice", clock.instant().plusSeconds(5)).orElseThrow().readAt())
                .as("idempotent").isEqualTo(read.readAt());
        assertThat(store.unread(account, "alice")).isEqualTo(1);
        assertThat(store.markAllRead(account, "alice", clock.instant())).isEqualTo(1);
        assertThat(store.unread(account, "alice")).isZero();
    }
}
