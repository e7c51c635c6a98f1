package dev.longrun.estimate;

import java.time.Instant;
import java.util.List;

/**
 * Where the {@link Estimator} finds past successful runs of a type when it first meets that type,
 * and where it keeps the progress shapes it learns, so a restarted node does not start blind; the
 * engine backs it with the job store's history.
 */
@FunctionalInterface
public interface HistorySource {

    /** The most recent successful runs of {@code type}, newest first, at most {@code limit}. */
    List<DurationSample> recent(String type, int limit);

    /** Progress shapes kept by {@link #keepShape}, newest first, at most {@code limit}; none by default. */
    default List<String> recentShapes(String type, int limit) {
        return List.of();
    }

    /**
     * Keeps a shape learned from a finished run (text of {@code ShapeHistory.encode}) at {@code at}, and only
     * the newest {@code keep} of its type; by default nothing is kept.
     */
    default void keepShape(String type, String shape, Instant at, int keep) {
    }

    /** No stored history: every type starts cold. */
    HistorySource NONE = (type, limit) -> List.of();
}
