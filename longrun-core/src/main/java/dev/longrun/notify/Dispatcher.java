package dev.longrun.notify;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
    private final Function<UUID, Optional<Job>> jobs;
    private final NotificationText text;
    private final List<Channel> channels;
    private final Clock clock;
    private final String owner;
    private final DispatchSettings settings;
    private final List<Consumer<Notification>> plannedListeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeWith = new CopyOnWriteArrayList<>();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean closed;
    private Thread loop;

    public Dispatcher(NotificationStore store, Function<UUID, Optional<Job>> jobs, NotificationText text, List<Channel> channels,
                      Clock clock, String owner, DispatchSettings settings) {
        this.store = store;
        this.jobs = jobs;
        this.text = text;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.owner = owner;
        this.settings = settings;
    }

    /** Called with each notification once it is planned (on the node that planned it), e.g. to push it over SSE. */
    public AutoCloseable onPlanned(Consumer<Notification> listener) {
        plannedListeners.add(listener);
        return () -> plannedListeners.remove(listener);
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

    int planNew() {
        int planned = 0;
        for (Notification n : store.unplanned(settings.batchSize())) {
            Job job = jobs.apply(n.jobId()).orElse(null);
            List<Webhook> webhooks = n.accountId() == null ? List.of()
                    : store.webhooks().enabled(n.accountId()).stream().filter(w -> serves(w.channel())).toList();
            ChannelPlan plan = ChannelPlan.decide(n, job, store.preferences().of(n.accountId(), n.userId()), webhooks,
                    settings.emailAfter(), serves(Delivery.EMAIL));
            Instant now = clock.instant();
            Optional<Notification> won = store.plan(n, text.render(n, job), plan.markRead() ? now : null, plan.channels(), now);
            if (won.isPresent()) {
                planned++;
                plannedListeners.forEach(l -> notifyQuietly(l, won.get()));
            }
        }
        return planned;
    }

    private boolean serves(String channel) {
        return channels.stream().anyMatch(c -> c.serves(channel));
    }

    private static void notifyQuietly(Consumer<Notification> listener, Notification n) {
        try {
            listener.accept(n);
        } catch (RuntimeException e) {
            log.debug("A notification listener failed: {}", e.toString());
        }
    }

    // --- delivery ----------------------------------------------------------------------------------

    int deliverDue() {
        Instant now = clock.instant();
        List<Delivery> due = store.claim(owner, now, now.plus(settings.lease()), settings.batchSize());
        for (Delivery d : due) {
            deliver(d);
        }
        return due.size();
    }

    private void deliver(Delivery d) {
        Notification n = store.find(d.notificationId()).orElse(null);
        Channel channel = channels.stream().filter(c -> c.serves(d.channel())).findFirst().orElse(null);
        if (n == null || channel == null) {
            store.recordFinal(d.id(), owner, DeliveryStatus.FAILED,
                    n == null ? "The notification was deleted." : "No channel on this node delivers " + d.channel() + ".", false);
            return;
        }
        DeliveryOutcome outcome;
        try {
            outcome = channel.deliver(d, n, jobs.apply(n.jobId()).orElse(null));
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
