-- How past runs of each job type spent their time along their work (dev.longrun.estimate.ShapeHistory),
-- kept so a restarted node estimates from them at once instead of learning them again.
CREATE TABLE longrun_estimate_shapes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    type        TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    shape       TEXT    NOT NULL
);
CREATE INDEX longrun_estimate_shapes_type_idx ON longrun_estimate_shapes (type, id DESC);
