package dev.longrun.spring.sse;

import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Ends the open event streams as soon as the application begins to shut down. Every open stream is an active request,
 * and the web server's graceful shutdown waits for those: left to {@link SseHub#close()} (when the beans are
 * destroyed, after that wait) a node watched by a single dashboard took the whole
 * {@code spring.lifecycle.timeout-per-shutdown-phase} to stop, and its streams were cut off at the end. The engine's
 * own shutdown (handing its jobs back) is not touched.
 */
public final class StreamsShutdown implements SmartLifecycle {

    /** Stops just before the web server's graceful shutdown: higher phases stop first. */
    static final int PHASE = WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    /** How long a stream may take to finish the frame it is writing before it is cut off. */
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private final SseHub hub;
    private volatile boolean running;

    public StreamsShutdown(SseHub hub) {
        this.hub = hub;
    }

    @Override
    public void start() {
        hub.acceptStreams();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        hub.endStreams(PATIENCE);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
