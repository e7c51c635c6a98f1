-- How past runs of each job type spent their time along their work (dev.longrun.estimate.ShapeHistory),
-- kept so a restarted node estimates from them at once instead of learning them again.
CREATE TABLE ${schema}.estimate_shapes (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type        text        NOT NULL,
    recorded_at timestamptz NOT NULL,
    shape       text        NOT NULL
);
CREATE INDEX estimate_shapes_type_idx ON ${schema}.estimate_shapes (type, id DESC);
