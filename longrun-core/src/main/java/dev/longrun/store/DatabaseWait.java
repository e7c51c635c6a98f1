package dev.longrun.store;

import dev.longrun.LongrunException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Runs a startup step that needs the database (opening and migrating the job store, or a host's own migration after
 * it) again while the database cannot be reached, for up to a limit: a node started while PostgreSQL restarts, or
 * drops connections in the middle of a migration, waits for it instead of exiting. Only a connection failure is waited
 * on ({@code store_unavailable}, or one found anywhere in the cause chain of another error, e.g. Flyway's); an error
 * of the schema itself, such as bad SQL or a checksum mismatch, ends the start at once.
 */
public final class DatabaseWait {

    /** Between tries: short against a database back within seconds, long enough to log one line per wait. */
    static final Duration PAUSE = Duration.ofSeconds(2);

    /** The clock and the sleep, so a test can run a minute of waiting at once. */
    interface Time {
        long nanoTime();

        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Time REAL_TIME = new Time() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }
    };

    private final Duration limit;
    private final Duration pause;
    private final Time time;
    private final Consumer<String> announce;

    DatabaseWait(Duration limit, Duration pause, Time time, Consumer<String> announce) {
        this.limit = limit;
        this.pause = pause;
        this.time = time;
        this.announce = announce;
    }

    /** Waits up to {@code limit} in real time, announcing each wait as a warning in the log. */
    public static DatabaseWait upTo(Duration limit) {
        return new DatabaseWait(limit, PAUSE, REAL_TIME, LoggerFactory.getLogger(DatabaseWait.class)::warn);
    }

    /**
     * @param what the step in the words of the log line, e.g. "migration" in "retrying migration in 2 s"
     * @return what {@code step} returned once it succeeded
     * @throws LongrunException the step's own error if it is not {@code store_unavailable}; else, once the limit is
     *                          reached, a {@code store_unavailable} saying how long the database stayed away
     */
    public <T> T run(String what, Supplier<T> step) {
        long start = time.nanoTime();
        while (true) {
            try {
                return step.get();
            } catch (RuntimeException failure) {
                LongrunException e = unavailable(failure);
                if (e == null) {
                    throw failure;
                }
                Duration waited = Duration.ofNanos(time.nanoTime() - start);
                if (waited.plus(pause).compareTo(limit) > 0) {
                    throw gaveUp(what, waited, e);
                }
                announce.accept("Database unreachable (" + reason(e) + "), retrying " + what + " in " + pause.toSeconds() + " s");
                pause(e);
            }
        }
    }

    /** {@code failure} as {@code store_unavailable} if it is a connection failure, else null. */
    private static LongrunException unavailable(RuntimeException failure) {
        if (failure instanceof LongrunException e) {
            return "store_unavailable".equals(e.code()) ? e : null;
        }
        return StoreException.isConnectionFailure(failure) ? LongrunException.storeUnavailable(failure) : null;
    }

    private void pause(LongrunException unavailable) {
        try {
            time.sleep(pause);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw unavailable;
        }
    }

    private static LongrunException gaveUp(String what, Duration waited, LongrunException last) {
        return new LongrunException("store_unavailable", "The job database stayed unreachable"
                + (waited.toSeconds() > 0 ? " for " + waited.toSeconds() + " s" : "") + " while this node started, so the "
                + what + " did not run and the node stops (last error: " + reason(last) + "). Check that the database"
                + " is running and reachable from this node, then start it again.", last);
    }

    /** The driver's or the network's own words (e.g. "Connection refused"): the deepest message in the chain. */
    private static String reason(Throwable e) {
        String reason = e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                reason = t.getMessage();
            }
        }
        return reason == null ? e.toString() : reason.lines().findFirst().orElse(reason).strip();
    }
}
