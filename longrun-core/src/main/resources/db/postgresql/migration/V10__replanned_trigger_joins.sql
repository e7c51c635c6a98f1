-- The per-statement triggers of V5, V6 and V9 join the statement's transition tables (old and new rows by job id, or
-- deleted jobs with their events and notifications). A PL/pgSQL query without parameters is planned once per
-- connection and that plan is kept: for a first claim or finish of one job the planner picks a nested loop over the
-- two transition tables, and every later batch on that connection then compares each new row with each old one.
-- A finish of 1,000 jobs took 640-800 ms instead of about 70 (docs/BENCHMARKS.md "Scale", third pass), the finisher fell
-- behind, its batches grew, each cost more per job, and a drain ran at a third of its speed. EXECUTE plans each call
-- for the sizes at hand (a hash join for a batch), at a planning cost of well under a millisecond per statement.
-- Same rows, same transaction as before: the queries are unchanged, only planned per call.

CREATE OR REPLACE FUNCTION ${schema}.notify_job_outcomes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE $q$
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT n.id, n.account_id, n.user_id, n.status,
           CASE n.status WHEN 'succeeded' THEN 'Your job is done'
                         WHEN 'failed' THEN 'Your job failed'
                         WHEN 'needs_action' THEN 'Your job needs your action'
                         ELSE 'Your job was cancelled' END,
           n.error_message, n.updated_at
    FROM changed_rows_new n
    JOIN changed_rows_old o ON o.id = n.id
    WHERE n.status IS DISTINCT FROM o.status
      AND (n.status IN ('succeeded', 'failed', 'needs_action')
           OR (n.status = 'cancelled' AND o.status = 'running' AND n.cancel_requested_at IS NULL))
    $q$;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ${schema}.record_jobs_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE $q$
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
    ORDER BY 1, 2
    $q$;
    RETURN NULL;
END
$$;

-- Pruning deletes a batch of jobs, a user deletes one: a plan kept from either suits the other badly.
CREATE OR REPLACE FUNCTION ${schema}.delete_job_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE $q$ DELETE FROM ${schema}.job_events e USING deleted_rows d WHERE e.job_id = d.id $q$;
    EXECUTE $q$ DELETE FROM ${schema}.notifications n USING deleted_rows d WHERE n.job_id = d.id $q$;
    RETURN NULL;
END
$$;
