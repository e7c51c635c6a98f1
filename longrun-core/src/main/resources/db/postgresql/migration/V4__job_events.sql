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

CREATE FUNCTION ${schema}.record_job_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.job_events (job_id, kind, status, attempt, at, run_after)
    VALUES (NEW.id, 'status', NEW.status, NEW.attempt, NEW.created_at, NEW.run_after);
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_record_queued
    AFTER INSERT ON ${schema}.jobs
    FOR EACH ROW EXECUTE FUNCTION ${schema}.record_job_queued();

CREATE FUNCTION ${schema}.record_job_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    VALUES (NEW.id, 'status', NEW.status, OLD.status, NEW.attempt, NEW.updated_at,
            CASE WHEN OLD.status = 'running' OR NEW.status = 'running' THEN NEW.started_at END,
            CASE WHEN NEW.status = 'needs_action' THEN NEW.action ->> 'message'
                 WHEN NEW.status IN ('pending', 'failed', 'cancelled') THEN NEW.error_message END,
            CASE WHEN NEW.status = 'pending' THEN NEW.run_after END,
            NEW.current_step, NEW.total_steps);
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_record_status
    AFTER UPDATE OF status ON ${schema}.jobs
    FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status)
    EXECUTE FUNCTION ${schema}.record_job_status();

CREATE FUNCTION ${schema}.record_job_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.job_events (job_id, kind, status, attempt, at, attempt_started_at, message, step, total_steps)
    VALUES (NEW.id, 'step', NEW.status, NEW.attempt, NEW.updated_at, NEW.started_at, NEW.progress_message,
            NEW.current_step, NEW.total_steps);
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_record_step
    AFTER UPDATE OF current_step ON ${schema}.jobs
    FOR EACH ROW
    WHEN (NEW.current_step IS NOT NULL AND NEW.current_step IS DISTINCT FROM OLD.current_step AND NEW.status = 'running')
    EXECUTE FUNCTION ${schema}.record_job_step();
