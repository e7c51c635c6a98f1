package dev.longrun.event;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-process bus. {@link #publish} never blocks a worker: each subscriber has a bounded queue
 * drained by its own virtual thread; a subscriber that falls too far behind loses the oldest events
 * (it re-reads jobs by id anyway, so the next event brings it up to date).
 */
public final class LocalEventBus implements JobEvents, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalEventBus.class);
    private static final int QUEUE_CAPACITY = 10_000;

    private final List<ListenerQueue> subscribers = new CopyOnWriteArrayList<>();

    public void publish(JobEvent event) {
        for (ListenerQueue s : subscribers) {
            s.offer(event);
        }
    }

    public void publishAll(List<JobEvent> events) {
        for (JobEvent e : events) {
            publish(e);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<JobEvent> listener) {
        ListenerQueue s = new ListenerQueue(listener);
        subscribers.add(s);
        s.thread = Thread.ofVirtual().name("longrun-events").start(s::drain);
        return () -> {
            subscribers.remove(s);
            s.thread.interrupt();
        };
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public void close() {
        for (ListenerQueue s : subscribers) {
            s.thread.interrupt();
        }
        subscribers.clear();
    }

    private static final class ListenerQueue {
        final Consumer<JobEvent> listener;
        final BlockingQueue<JobEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        volatile Thread thread;

        ListenerQueue(Consumer<JobEvent> listener) {
            this.listener = listener;
        }

        void offer(JobEvent event) {
            while (!queue.offer(event)) {
                queue.poll();
            }
        }

        void drain() {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    JobEvent e = queue.take();
                    try {
                        listener.accept(e);
                    } catch (RuntimeException ex) {
                        log.warn("Job event listener failed for job {}", e.jobId(), ex);
                    }
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
