package dev.longrun.notify;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes notifications from the outbox the jobs trigger fills and delivers them: plans each once (text, channels;
 * a compare-and-set, so one node wins), then delivers each (notification, channel) with leases, retries with
 * exponential backoff and records every attempt. A crash between the status change and the delivery loses nothing:
 * the rows are committed with the status, and an expired lease hands a delivery to the next node. Started by
 * {@link Notifications#start} (core) or the starter's auto-configuration; tests call {@link #runOnce()}.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final NotificationStore store;
    private final Function<Collection<UUID>, List<Job>> jobs;
    private final NotificationText text;
    private final List<Channel> channels;
    private final Clock clock;
    private final String owner;
    private final DispatchSettings settings;
    private final List<AutoCloseable> closeWith = new CopyOnWriteArrayList<>();
    private final Semaphore wakeups = new Semaphore(0);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private volatile Instant lastPrune;
    private volatile boolean closed;
    private Thread loop;

    public Dispatcher(NotificationStore store, Function<Collection<UUID>, List<Job>> jobs, NotificationText text, List<Channel> channels,
                      Clock clock, String owner, DispatchSettings settings) {
        this.store = store;
        this.jobs = jobs;
        this.text = text;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.owner = owner;
        this.settings = settings;
    }

    /** Closed together with the dispatcher (e.g. the event subscription that wakes it). */
    public void onClose(AutoCloseable resource) {
        closeWith.add(resource);
    }

    /** Plans what is new, then delivers what is due. Returns how much work it did (0: nothing to do). */
    public int runOnce() {
        return planNew() + deliverDue();
    }

    public synchronized void start() {
        if (loop == null && !closed) {
            loop = Thread.ofVirtual().name("longrun-notify").start(this::run);
        }
    }

    /** A job changed: look at the outbox now instead of at the next poll. */
    public void wake() {
        wakeups.release();
    }

    private void run() {
        long pause = settings.pollInterval().toMillis();
        while (!closed) {
            try {
                int done = runOnce();
                pause = settings.pollInterval().toMillis();
                if (done > 0) {
                    continue;
                }
            } catch (LongrunException e) {
                log.warn("Notification dispatch paused: {}", e.getMessage());
                pause = Math.min(pause * 2, 30_000);
            } catch (RuntimeException e) {
                log.error("Notification dispatch failed; trying again", e);
                pause = Math.min(pause * 2, 30_000);
            }
            try {
                wakeups.tryAcquire(pause, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // --- planning ----------------------------------------------------------------------------------

    /**
     * Plans a batch of new notifications in one transaction (one commit, not one per notification: at one commit
     * each, planning fell far behind a drain of short jobs), with the batch's jobs and its owners' choices read at
     * once and each account's webhooks once. A notification whose plan cannot be made (its job cannot be read, its
     * text not rendered) is left for the next round, so it holds up no other; if the batch's transaction fails,
     * each is planned on its own.
     */
    int planNew() {
        List<Notification> batch = store.unplanned(settings.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        BatchJobs batchJobs = jobsOf(batch);
        Map<PreferenceStore.Owner, List<Preference>> choices = store.preferences().of(
                batch.stream().map(n -> new PreferenceStore.Owner(n.accountId(), n.userId())).toList());
        Map<String, List<Webhook>> webhooks = new HashMap<>();
        List<NotificationStore.Plan> plans = new ArrayList<>(batch.size());
        for (Notification n : batch) {
            if (batchJobs.unreadable().contains(n.jobId())) {
                continue; // logged when its read failed
            }
            try {
                Job job = batchJobs.found().get(n.jobId());
                List<Webhook> hooks = n.accountId() == null ? List.of() : webhooks.computeIfAbsent(n.accountId(),
                        account -> store.webhooks().enabled(account).stream().filter(w -> serves(w.channel())).toList());
                ChannelPlan plan = ChannelPlan.decide(n, job, choices.get(new PreferenceStore.Owner(n.accountId(), n.userId())),
                        hooks, settings.emailAfter(), serves(Delivery.EMAIL));
                plans.add(new NotificationStore.Plan(n, text.render(n, job), plan.markRead() ? now : null, plan.channels()));
            } catch (RuntimeException e) {
                log.warn("Notification {} could not be planned; it is tried again: {}", n.id(), e.toString());
            }
        }
        try {
            return store.plan(plans, now);
        } catch (RuntimeException e) {
            log.warn("Planning {} notifications together failed, planning each on its own: {}", plans.size(), e.toString());
            int planned = 0;
            for (NotificationStore.Plan p : plans) {
                try {
                    planned += store.plan(List.of(p), now);
                } catch (RuntimeException one) {
                    log.warn("Notification {} could not be planned; it is tried again: {}", p.notification().id(), one.toString());
                }
            }
            return planned;
        }
    }

    /** A batch's jobs by id (a job that is gone is absent: its notification is planned without it), and the ids whose read failed. */
    private record BatchJobs(Map<UUID, Job> found, Set<UUID> unreadable) {
    }

    /** The batch's jobs in one read; when that read fails, each on its own, so only a job that cannot be read waits. */
    private BatchJobs jobsOf(List<Notification> batch) {
        Set<UUID> ids = new HashSet<>();
        batch.forEach(n -> {
            if (n.jobId() != null) {
                ids.add(n.jobId());
            }
        });
        Map<UUID, Job> byId = new HashMap<>();
        Set<UUID> unreadable = new HashSet<>();
        try {
            jobs.apply(ids).forEach(j -> byId.put(j.id(), j));
        } catch (RuntimeException e) {
            for (UUID id : ids) {
                try {
                    jobs.apply(List.of(id)).forEach(j -> byId.put(j.id(), j));
                } catch (RuntimeException one) {
                    log.warn("Job {} could not be read to plan its notification; it is tried again: {}", id, one.toString());
                    unreadable.add(id);
                }
            }
        }
        return new BatchJobs(byId, unreadable);
    }

    private Job job(UUID id) {
        return id == null ? null : jobs.apply(List.of(id)).stream().findFirst().orElse(null);
    }

    private boolean serves(String channel) {
        return channels.stream().anyMatch(c -> c.serves(channel));
    }

    // --- delivery ----------------------------------------------------------------------------------

    int deliverDue() {
        Instant now = clock.instant();
        List<Delivery> due = store.claim(owner, now, now.plus(settings.lease()), settings.batchSize());
        if (due.size() == 1) {
            deliver(due.getFirst());
        } else if (!due.isEmpty()) {
            // At once, so a batch of slow endpoints takes one timeout, not one each: all finish well within the lease.
            try (var parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                due.forEach(d -> parallel.submit(() -> deliver(d)));
            }
        }
        pruneOccasionally(now);
        return due.size();
    }

    /** Delivery logs and the local mail outbox keep {@code keep}; notifications themselves go with their job. */
    private void pruneOccasionally(Instant now) {
        if (lastPrune != null && Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) < 0) {
            return;
        }
        lastPrune = now;
        int pruned = store.prune(now.minus(settings.keep()));
        if (pruned > 0) {
            log.debug("Pruned {} old webhook log rows and outbox messages", pruned);
        }
    }

    private void deliver(Delivery d) {
        try {
            deliverOrThrow(d);
        } catch (RuntimeException e) {
            log.warn("Delivery {} ({}) could not be recorded; it is tried again after its lease: {}", d.id(), d.channel(), e.toString());
        }
    }

    private void deliverOrThrow(Delivery d) {
        Notification n = store.find(d.notificationId()).orElse(null);
        Channel channel = channels.stream().filter(c -> c.serves(d.channel())).findFirst().orElse(null);
        if (n == null || channel == null) {
            store.recordFinal(d.id(), owner, DeliveryStatus.FAILED,
                    n == null ? "The notification was deleted." : "No channel on this node delivers " + d.channel() + ".", false);
            return;
        }
        DeliveryOutcome outcome;
        try {
            outcome = channel.deliver(d, n, job(n.jobId()));
        } catch (RuntimeException e) {
            outcome = DeliveryOutcome.retry("Delivery failed unexpectedly: " + e.getMessage());
        }
        record(d, outcome);
    }

    private void record(Delivery d, DeliveryOutcome outcome) {
        int attempt = d.attempts() + 1;
        boolean kept = switch (outcome.kind()) {
            case SENT -> store.recordSent(d.id(), owner, clock.instant());
            case FINAL -> store.recordFinal(d.id(), owner, DeliveryStatus.FAILED, outcome.error(), true);
            case RETRY -> attempt >= settings.maxAttempts()
                    ? store.recordFinal(d.id(), owner, DeliveryStatus.GAVE_UP,
                            "Gave up after " + attempt + " attempts: " + outcome.error(), true)
                    : store.recordRetry(d.id(), owner, outcome.error(), clock.instant().plus(settings.backoff(attempt)));
        };
        if (!kept) {
            log.debug("Delivery {} ({}) was settled elsewhere meanwhile (lease lost or endpoint disabled)", d.id(), d.channel());
        }
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable c : closeWith) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("Closing {} failed: {}", c, e.toString());
            }
        }
        wakeups.release();
        Thread t;
        synchronized (this) {
            t = loop;
        }
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
