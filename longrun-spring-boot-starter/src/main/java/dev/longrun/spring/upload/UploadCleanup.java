package dev.longrun.spring.upload;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes expired uploads every few minutes while the application runs. */
public final class UploadCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UploadCleanup.class);

    private final UploadStore uploads;
    private final Duration every;
    private ScheduledExecutorService scheduler;

    public UploadCleanup(UploadStore uploads, Duration every) {
        this.uploads = uploads;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("longrun-upload-cleanup").factory());
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                int n = uploads.deleteExpired();
                if (n > 0) {
                    log.info("Deleted {} expired uploads", n);
                }
            } catch (RuntimeException e) {
                log.warn("Cleaning up uploads failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
