package dev.longrun.runtime;

import dev.longrun.estimate.Estimator;
import dev.longrun.store.JobStore;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds finished runs to the estimator off the worker's path: the finished job is re-read on a
 * background thread. Under a flood of tiny jobs the bounded queue drops samples, which costs the
 * estimates nothing (they use the last 50 runs) and keeps throughput.
 */
final class SuccessHistory implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SuccessHistory.class);

    private final JobStore store;
    private final Estimator estimator;
    private final BlockingQueue<UUID> queue = new ArrayBlockingQueue<>(1_000);
    private final Thread thread;
    private volatile boolean stopped;

    SuccessHistory(JobStore store, Estimator estimator) {
        this.store = store;
        this.estimator = estimator;
        this.thread = Thread.ofVirtual().name("longrun-history").start(this::loop);
    }

    void recordLater(UUID jobId) {
        queue.offer(jobId);
    }

    private void loop() {
        while (!stopped) {
            try {
                UUID id = queue.poll(200, TimeUnit.MILLISECONDS);
                if (id != null) {
                    store.find(id).ifPresent(estimator::recordSuccess);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.debug("Could not record a finished run for estimates: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
