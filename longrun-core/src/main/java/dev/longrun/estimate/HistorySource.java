package dev.longrun.estimate;

import dev.longrun.store.DurationSample;
import java.util.List;

/**
 * Where the {@link Estimator} finds past successful runs of a type when it first meets that type;
 * the engine backs it with {@code JobStore.recentDurations}.
 */
@FunctionalInterface
public interface HistorySource {

    /** The most recent successful runs of {@code type}, newest first, at most {@code limit}. */
    List<DurationSample> recent(String type, int limit);

    /** No stored history: every type starts cold. */
    HistorySource NONE = (type, limit) -> List.of();
}
