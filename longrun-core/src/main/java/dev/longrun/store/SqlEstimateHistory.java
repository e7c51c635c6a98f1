package dev.longrun.store;

import dev.longrun.estimate.DurationSample;
import dev.longrun.estimate.HistorySource;
import java.time.Instant;
import java.util.List;

/** The estimator's memory in the database: durations of past successful runs, and the progress shapes it learned. */
final class SqlEstimateHistory implements HistorySource {

    private final Database db;

    SqlEstimateHistory(Database db) {
        this.db = db;
    }

    @Override
    public List<DurationSample> recent(String type, int limit) {
        return db.read(c -> db.query(c, "RecentDurations", Params.of("type", type).set("limit", limit),
                rs -> new DurationSample(rs.getLong("millis"), SqlTypes.nullableLong(rs, "total"))));
    }

    /** Keeps one learned shape and only the newest {@code keep} of its type, in one transaction. */
    @Override
    public void keepShape(String type, String shape, Instant at, int keep) {
        db.write(c -> {
            db.update(c, "KeepShape", Params.of("type", type).set("recorded_at", at).set("shape", shape));
            return db.update(c, "PruneShapes", Params.of("type", type).set("keep", keep));
        });
    }

    @Override
    public List<String> recentShapes(String type, int limit) {
        return db.read(c -> db.query(c, "RecentShapes", Params.of("type", type).set("limit", limit), rs -> rs.getString("shape")));
    }
}
