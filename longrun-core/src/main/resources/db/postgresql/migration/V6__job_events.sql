-- What happened to each job, for its timeline (dev.longrun.history.JobHistory): one row when it was queued,
-- one per status change (each attempt's start and outcome, a retry's backoff, a decision asked for, the end),
-- one per new step. Written by triggers in the same transaction as the change, so the engine's own statements
-- stay as they are and no change is missed or recorded twice. Rows go with their job (retention, clear).
CREATE TABLE ${schema}.job_events (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id             uuid        NOT NULL REFERENCES ${schema}.jobs (id) ON DELETE CASCADE,
    kind               text        NOT NULL CHECK (kind IN ('status', 'step')),
    status             text        NOT NULL,
    from_status        text,
    attempt            integer     NOT NULL,
    at                 timestamptz NOT NULL,
    attempt_started_at timestamptz,
    message            text,
    run_after          timestamptz,
    step               integer,
    total_steps        integer
);
CREATE INDEX job_events_job_idx ON ${schema}.job_events (job_id, id);

-- Per statement, like the outbox trigger of V5: one INSERT … SELECT over the statement's transition tables, so a
-- batched claim or finish of many jobs costs one call, not one per row. PostgreSQL allows transition tables only on
-- triggers without a column list, so the rules compare old and new values themselves.
CREATE FUNCTION ${schema}.record_jobs_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.job_events (job_id, kind, status, attempt, at, run_after)
    SELECT n.id, 'status', n.status, n.attempt, n.created_at, n.run_after FROM inserted_rows n;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_record_queued
    AFTER INSERT ON ${schema}.jobs
    REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.record_jobs_queued();

CREATE FUNCTION ${schema}.record_jobs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT n.id, 'status', n.status, o.status, n.attempt, n.updated_at,
           CASE WHEN o.status = 'running' OR n.status = 'running' THEN n.started_at END,
           CASE WHEN n.status = 'needs_action' THEN n.action ->> 'message'
                WHEN n.status IN ('pending', 'failed', 'cancelled') THEN n.error_message END,
           CASE WHEN n.status = 'pending' THEN n.run_after END,
           n.current_step, n.total_steps
    FROM changed_rows_new n
    JOIN changed_rows_old o ON o.id = n.id
    WHERE n.status IS DISTINCT FROM o.status
    UNION ALL
    SELECT n.id, 'step', n.status, NULL, n.attempt, n.updated_at, n.started_at, n.progress_message, NULL,
           n.current_step, n.total_steps
    FROM changed_rows_new n
    JOIN changed_rows_old o ON o.id = n.id
    WHERE n.current_step IS NOT NULL AND n.current_step IS DISTINCT FROM o.current_step AND n.status = 'running'
      AND n.status IS NOT DISTINCT FROM o.status
    ORDER BY 1, 2;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_record_changed
    AFTER UPDATE ON ${schema}.jobs
    REFERENCING OLD TABLE AS changed_rows_old NEW TABLE AS changed_rows_new
    FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.record_jobs_changed();
