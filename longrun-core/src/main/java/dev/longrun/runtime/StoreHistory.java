package dev.longrun.runtime;

import dev.longrun.estimate.HistorySource;
import dev.longrun.store.DurationSample;
import dev.longrun.store.JobStore;
import java.time.Clock;
import java.util.List;

/** The estimator's memory in the job store: past durations, and the progress shapes it learned. */
final class StoreHistory implements HistorySource {

    /** Shapes kept per type; the estimator itself uses the newest 30. */
    private static final int KEEP_SHAPES = 50;

    private final JobStore store;
    private final Clock clock;

    StoreHistory(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<DurationSample> recent(String type, int limit) {
        return store.recentDurations(type, limit);
    }

    @Override
    public List<String> recentShapes(String type, int limit) {
        return store.recentShapes(type, limit);
    }

    @Override
    public void keepShape(String type, String shape) {
        store.keepShape(type, shape, clock.instant(), KEEP_SHAPES);
    }
}
