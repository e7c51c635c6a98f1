-- What happened to each job, for its timeline (dev.longrun.history.JobHistory): one row when it was queued,
-- one per status change (each attempt's start and outcome, a retry's backoff, a decision asked for, the end),
-- one per new step. Written by triggers in the same transaction as the change, so the engine's own statements
-- stay as they are and no change is missed or recorded twice. Rows go with their job (retention, clear).
CREATE TABLE longrun_job_events (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id             TEXT    NOT NULL REFERENCES longrun_jobs (id) ON DELETE CASCADE,
    kind               TEXT    NOT NULL CHECK (kind IN ('status', 'step')),
    status             TEXT    NOT NULL,
    from_status        TEXT,
    attempt            INTEGER NOT NULL,
    at                 INTEGER NOT NULL,
    attempt_started_at INTEGER,
    message            TEXT,
    run_after          INTEGER,
    step               INTEGER,
    total_steps        INTEGER
);
CREATE INDEX longrun_job_events_job_idx ON longrun_job_events (job_id, id);

CREATE TRIGGER longrun_jobs_record_queued
    AFTER INSERT ON longrun_jobs
    FOR EACH ROW
BEGIN
    INSERT INTO longrun_job_events (job_id, kind, status, attempt, at, run_after)
    VALUES (NEW.id, 'status', NEW.status, NEW.attempt, NEW.created_at, NEW.run_after);
END;

CREATE TRIGGER longrun_jobs_record_status
    AFTER UPDATE OF status ON longrun_jobs
    FOR EACH ROW
    WHEN NEW.status IS NOT OLD.status
BEGIN
    INSERT INTO longrun_job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                    run_after, step, total_steps)
    VALUES (NEW.id, 'status', NEW.status, OLD.status, NEW.attempt, NEW.updated_at,
            CASE WHEN OLD.status = 'running' OR NEW.status = 'running' THEN NEW.started_at END,
            CASE WHEN NEW.status = 'needs_action' THEN json_extract(NEW.action, '$.message')
                 WHEN NEW.status IN ('pending', 'failed', 'cancelled') THEN NEW.error_message END,
            CASE WHEN NEW.status = 'pending' THEN NEW.run_after END,
            NEW.current_step, NEW.total_steps);
END;

CREATE TRIGGER longrun_jobs_record_step
    AFTER UPDATE OF current_step ON longrun_jobs
    FOR EACH ROW
    WHEN NEW.current_step IS NOT NULL AND NEW.current_step IS NOT OLD.current_step AND NEW.status = 'running'
BEGIN
    INSERT INTO longrun_job_events (job_id, kind, status, attempt, at, attempt_started_at, message, step, total_steps)
    VALUES (NEW.id, 'step', NEW.status, NEW.attempt, NEW.updated_at, NEW.started_at, NEW.progress_message,
            NEW.current_step, NEW.total_steps);
END;
