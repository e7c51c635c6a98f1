package dev.longrun.spring.sse;

import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many event streams one person holds open on this node, bounded by {@code longrun.sse.max-streams-per-user}. A
 * place is taken before a stream opens and given back when its response ends, however it ends (the stream's own end,
 * the client gone, an error, shutdown): the servlet container tells every listener of the async request. Calls that
 * act for no user (the backend's API key alone) are not counted.
 */
final class StreamQuota {

    /** A place that is not counted (a caller acting for no user). */
    private static final Place UNCOUNTED = new Place(null, null);

    private final int perUser;
    private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

    StreamQuota(int perUser) {
        this.perUser = perUser;
    }

    /** Takes a place for {@code caller}; refuses with 429 when the caller holds them all. */
    Place take(Caller caller) {
        if (!caller.actsForUser()) {
            return UNCOUNTED;
        }
        String key = caller.accountId() + '\n' + caller.userId();
        boolean[] taken = {false};
        held.compute(key, (k, n) -> {
            int count = n == null ? 0 : n;
            if (count >= perUser) {
                return n;
            }
            taken[0] = true;
            return count + 1;
        });
        if (!taken[0]) {
            throw ApiProblem.tooManyRequests("too_many_streams", "You have " + perUser + " live status streams open on this "
                    + "server (tabs or windows that show jobs). Close some of them, then reload this one.", Duration.ofSeconds(30));
        }
        return new Place(this, key);
    }

    /** Places held for {@code caller} now. */
    int held(Caller caller) {
        return held.getOrDefault(caller.accountId() + '\n' + caller.userId(), 0);
    }

    private void giveBack(String key) {
        held.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** One stream's place: given back once, by {@link #giveBack()} or when the async request it listens to ends. */
    static final class Place implements AsyncListener {

        private final StreamQuota quota;
        private final String key;
        private final AtomicBoolean given = new AtomicBoolean();

        private Place(StreamQuota quota, String key) {
            this.quota = quota;
            this.key = key;
        }

        void giveBack() {
            if (quota != null && given.compareAndSet(false, true)) {
                quota.giveBack(key);
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onError(AsyncEvent event) {
            giveBack();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }
}
