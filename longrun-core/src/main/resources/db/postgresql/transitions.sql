-- Longrun's statements on PostgreSQL that move a job from one status to another (and the heartbeats and progress of
-- running jobs), loaded by NamedStatements with queries.sql. ${schema} is the quoted schema name; :name is a
-- parameter. Every state change names the state it expects.
-- Every status change (and a new step) also writes the job's timeline row in job_events, and an outcome that concerns
-- the owner its notification, in the same statement (V13; the rules were V6's and V2's triggers'): succeeded, failed and
-- needs_action always, cancelled only from running when nobody asked for it (cancel_requested_at null).
-- Arrays (ids, batches) are bound as SQL arrays; instants inside arrays as ISO text cast to timestamptz.
-- Batched updates guard the state through the batch: "j.status = u.expected", with u.expected 'running' for every row.
-- Same rows as "j.status = 'running'", but a join clause, which the planner does not estimate from the column's
-- statistics. Taken while jobs were pending (a bulk start, then ANALYZE), those say "no job is running": the planner
-- then drives the join from jobs (the partial index of running jobs, or a sequential scan) and re-scans the whole batch
-- per running job, O(running x batch): 150-270 ms per finish of 256 jobs made by start() (longrun-bench -Dbench=scale),
-- also with the earlier "(j.status = 'running') IS TRUE". As a join clause the batch drives the join (primary key or hash).

-- name: CancelPending
WITH cancelled AS (
    UPDATE ${schema}.jobs
    SET status = 'cancelled', completed_at = :now::timestamptz, version = version + 1, updated_at = :now::timestamptz
    WHERE id = :id::uuid AND status = 'pending'
    RETURNING *
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'pending', attempt, updated_at, NULL, error_message, NULL, current_step, total_steps
    FROM cancelled
)
SELECT * FROM cancelled;

-- name: CancelNeedsAction
WITH cancelled AS (
    UPDATE ${schema}.jobs
    SET status = 'cancelled', completed_at = :now::timestamptz, version = version + 1, updated_at = :now::timestamptz
    WHERE id = :id::uuid AND status = 'needs_action'
    RETURNING *
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'needs_action', attempt, updated_at, NULL, error_message, NULL, current_step, total_steps
    FROM cancelled
)
SELECT * FROM cancelled;

-- name: RequestCancel
UPDATE ${schema}.jobs
SET cancel_requested_at = :now::timestamptz, version = version + 1, updated_at = :now::timestamptz
WHERE id = :id::uuid AND status = 'running' AND cancel_requested_at IS NULL
RETURNING *;

-- name: Confirm
WITH confirmed AS (
    UPDATE ${schema}.jobs
    SET status = 'pending', confirmed = true, attempt = 0, run_after = :now::timestamptz,
        version = version + 1, updated_at = :now::timestamptz
    WHERE id = :id::uuid AND status = 'needs_action'
    RETURNING *
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'needs_action', attempt, updated_at, NULL, error_message, run_after, current_step,
           total_steps
    FROM confirmed
)
SELECT * FROM confirmed;

-- name: FailPending
WITH failed AS (
    UPDATE ${schema}.jobs
    SET status = 'failed', error_message = :message::text, error_code = :code::text, error_retryable = false,
        completed_at = :now::timestamptz, version = version + 1, updated_at = :now::timestamptz
    WHERE id = :id::uuid AND status = 'pending'
    RETURNING *
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'pending', attempt, updated_at, NULL, error_message, NULL, current_step, total_steps
    FROM failed
), notified AS (
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT id, account_id, user_id, status, 'Your job failed', error_message, updated_at FROM failed
)
SELECT * FROM failed;

-- name: ReleaseWaiting
UPDATE ${schema}.jobs
SET waiting_for = NULL, version = version + 1, updated_at = :now::timestamptz
WHERE id = :id::uuid AND status = 'pending' AND waiting_for IS NOT NULL
RETURNING *;

-- name: ClaimJobs
WITH picked AS (
    SELECT id FROM ${schema}.jobs
    WHERE status = 'pending' AND waiting_for IS NULL AND queue = ANY(:queues::text[]) AND run_after <= :now::timestamptz
    ORDER BY priority DESC, run_after, id
    LIMIT :limit::int
    FOR UPDATE SKIP LOCKED
), claimed AS (
    UPDATE ${schema}.jobs j
    SET status = 'running', attempt = j.attempt + 1, lease_owner = :owner::text, lease_expires_at = :lease_until::timestamptz,
        heartbeat_at = :now::timestamptz, started_at = :now::timestamptz, started_at_before_claim = j.started_at,
        heartbeat_at_before_claim = j.heartbeat_at, version = j.version + 1, updated_at = :now::timestamptz
    FROM picked
    WHERE j.id = picked.id AND j.status = 'pending'
    RETURNING j.*
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'pending', attempt, updated_at, started_at, NULL, NULL, current_step, total_steps
    FROM claimed ORDER BY id
)
SELECT * FROM claimed;

-- name: Heartbeat
UPDATE ${schema}.jobs
SET lease_expires_at = :lease_until::timestamptz, heartbeat_at = :now::timestamptz
WHERE id = ANY(:ids::uuid[]) AND status = 'running' AND lease_owner = :owner::text
RETURNING id, cancel_requested_at IS NOT NULL AS cancel_requested;

-- name: SaveProgress
-- A new step (not a new count) adds a timeline row. "was" is the row as the statement found it, for the step it had.
WITH saved AS (
    UPDATE ${schema}.jobs j
    SET progress_current = u.current, progress_total = u.total, progress_message = u.message, current_step = u.step,
        total_steps = u.total_steps, version = j.version + 1, updated_at = u.now
    FROM unnest(:ids::uuid[], :owners::text[], :currents::bigint[], :totals::bigint[], :messages::text[], :steps::int[],
                :total_steps::int[], :nows::timestamptz[],
                array_fill('running'::text, ARRAY[cardinality(:ids::uuid[])])) AS u(id, owner, current, total, message, step, total_steps, now, expected)
    JOIN ${schema}.jobs was ON was.id = u.id
    WHERE j.id = u.id AND j.status = u.expected AND j.lease_owner = u.owner
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.progress_message,
              j.current_step, j.total_steps, was.current_step IS DISTINCT FROM j.current_step AS new_step
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'step', status, NULL, attempt, updated_at, started_at, progress_message, NULL, current_step, total_steps
    FROM saved WHERE new_step AND current_step IS NOT NULL ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM saved;

-- name: FinishSucceeded
WITH finished AS (
    UPDATE ${schema}.jobs j
    SET status = 'succeeded', result = u.result::jsonb, summary = COALESCE(u.summary::jsonb, j.summary),
        progress_current = COALESCE(j.progress_total, j.progress_current),
        error_message = NULL, error_code = NULL, error_retryable = NULL, completed_at = u.now,
        lease_owner = NULL, lease_expires_at = NULL, version = j.version + 1, updated_at = u.now
    FROM unnest(:ids::uuid[], :owners::text[], :results::text[], :summaries::text[], :nows::timestamptz[],
                array_fill('running'::text, ARRAY[cardinality(:ids::uuid[])])) AS u(id, owner, result, summary, now, expected)
    WHERE j.id = u.id AND j.status = u.expected AND j.lease_owner = u.owner
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.current_step,
              j.total_steps
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, NULL, NULL, current_step, total_steps
    FROM finished ORDER BY id
), notified AS (
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT id, account_id, user_id, status, 'Your job is done', NULL, updated_at FROM finished ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM finished;

-- name: FinishFailed
WITH finished AS (
    UPDATE ${schema}.jobs j
    SET status = 'failed', error_message = u.message, error_code = u.code, error_retryable = u.retryable,
        summary = COALESCE(u.summary::jsonb, j.summary), completed_at = u.now,
        lease_owner = NULL, lease_expires_at = NULL, version = j.version + 1, updated_at = u.now
    FROM unnest(:ids::uuid[], :owners::text[], :messages::text[], :codes::text[], :retryables::boolean[], :summaries::text[],
                :nows::timestamptz[],
                array_fill('running'::text, ARRAY[cardinality(:ids::uuid[])])) AS u(id, owner, message, code, retryable, summary, now, expected)
    WHERE j.id = u.id AND j.status = u.expected AND j.lease_owner = u.owner
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.current_step,
              j.total_steps, j.error_message
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, error_message, NULL, current_step, total_steps
    FROM finished ORDER BY id
), notified AS (
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT id, account_id, user_id, status, 'Your job failed', error_message, updated_at FROM finished ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM finished;

-- name: FinishRetry
WITH finished AS (
    UPDATE ${schema}.jobs j
    SET status = 'pending', run_after = u.run_after, error_message = u.message, error_code = u.code,
        error_retryable = true, lease_owner = NULL, lease_expires_at = NULL, version = j.version + 1, updated_at = u.now
    FROM unnest(:ids::uuid[], :owners::text[], :messages::text[], :codes::text[], :run_afters::timestamptz[],
                :nows::timestamptz[],
                array_fill('running'::text, ARRAY[cardinality(:ids::uuid[])])) AS u(id, owner, message, code, run_after, now, expected)
    WHERE j.id = u.id AND j.status = u.expected AND j.lease_owner = u.owner
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.current_step,
              j.total_steps, j.error_message, j.run_after
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, error_message, run_after, current_step, total_steps
    FROM finished ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM finished;

-- name: FinishNeedsAction
WITH finished AS (
    UPDATE ${schema}.jobs j
    SET status = 'needs_action', action = u.action::jsonb, summary = COALESCE(u.summary::jsonb, j.summary),
        lease_owner = NULL, lease_expires_at = NULL, version = j.version + 1, updated_at = u.now
    FROM unnest(:ids::uuid[], :owners::text[], :actions::text[], :summaries::text[], :nows::timestamptz[],
                array_fill('running'::text, ARRAY[cardinality(:ids::uuid[])])) AS u(id, owner, action, summary, now, expected)
    WHERE j.id = u.id AND j.status = u.expected AND j.lease_owner = u.owner
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.current_step,
              j.total_steps, j.error_message, j.action
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, action ->> 'message', NULL, current_step, total_steps
    FROM finished ORDER BY id
), notified AS (
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT id, account_id, user_id, status, 'Your job needs your action', error_message, updated_at FROM finished ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM finished;

-- name: FinishCancelled
WITH finished AS (
    UPDATE ${schema}.jobs j
    SET status = 'cancelled', summary = COALESCE(u.summary::jsonb, j.summary), completed_at = u.now,
        lease_owner = NULL, lease_expires_at = NULL, version = j.version + 1, updated_at = u.now
    FROM unnest(:ids::uuid[], :owners::text[], :summaries::text[], :nows::timestamptz[],
                array_fill('running'::text, ARRAY[cardinality(:ids::uuid[])])) AS u(id, owner, summary, now, expected)
    WHERE j.id = u.id AND j.status = u.expected AND j.lease_owner = u.owner
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.current_step,
              j.total_steps, j.error_message, j.cancel_requested_at
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, error_message, NULL, current_step, total_steps
    FROM finished ORDER BY id
), notified AS (
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT id, account_id, user_id, status, 'Your job was cancelled', error_message, updated_at FROM finished
    WHERE cancel_requested_at IS NULL
    ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM finished;

-- name: ReleaseJobs
WITH released AS (
    UPDATE ${schema}.jobs
    SET status = 'pending', attempt = GREATEST(attempt - 1, 0), run_after = :now::timestamptz, lease_owner = NULL,
        lease_expires_at = NULL, version = version + 1, updated_at = :now::timestamptz
    WHERE id = ANY(:ids::uuid[]) AND status = 'running' AND lease_owner = :owner::text
    RETURNING id, version, account_id, user_id, status, attempt, updated_at, started_at, error_message, run_after,
              current_step, total_steps
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, error_message, run_after, current_step,
           total_steps
    FROM released ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM released;

-- name: UnclaimJobs
-- Undoes the claim of jobs that waited in a node's reserve and never started (WorkerPool): pending again with the
-- attempt, started_at and heartbeat_at they had, in their old place in line (the claim left run_after alone). No
-- timeline row: the way back to pending did not happen to the job any more than the start did (ForgetUnclaimedStarts).
UPDATE ${schema}.jobs
SET status = 'pending', attempt = attempt - 1, started_at = started_at_before_claim,
    heartbeat_at = heartbeat_at_before_claim, lease_owner = NULL, lease_expires_at = NULL, version = version + 1,
    updated_at = :now::timestamptz
WHERE id = ANY(:ids::uuid[]) AND status = 'running' AND lease_owner = :owner::text
RETURNING id, version, account_id, user_id, status;

-- name: ForgetUnclaimedStarts
-- After UnclaimJobs, in its transaction: the timeline loses the start the claim recorded, as it never happened to the
-- job. Each job's latest start is its claim's (the job's row stays locked by UnclaimJobs, and nothing changed its status
-- since the claim). A range of the key (job_id, id) per job.
DELETE FROM ${schema}.job_events e
WHERE e.job_id = ANY(:ids::uuid[]) AND e.kind = 'status'
  AND e.id >= (SELECT max(s.id) FROM ${schema}.job_events s
               WHERE s.job_id = e.job_id AND s.kind = 'status' AND s.status = 'running');

-- name: CancelUnclaimedRequests
-- After ForgetUnclaimedStarts: a job whose cancel was asked for while it waited is cancelled now, as a pending one is.
WITH cancelled AS (
    UPDATE ${schema}.jobs
    SET status = 'cancelled', completed_at = :now::timestamptz, version = version + 1, updated_at = :now::timestamptz
    WHERE id = ANY(:ids::uuid[]) AND status = 'pending' AND cancel_requested_at IS NOT NULL
    RETURNING id, version, account_id, user_id, status, attempt, updated_at, error_message, current_step, total_steps
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'pending', attempt, updated_at, NULL, error_message, NULL, current_step, total_steps
    FROM cancelled ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM cancelled;

-- name: RescueExpired
WITH expired AS (
    SELECT id FROM ${schema}.jobs
    WHERE status = 'running' AND lease_expires_at < :now::timestamptz
    ORDER BY lease_expires_at
    LIMIT :limit::int
    FOR UPDATE SKIP LOCKED
), rescued AS (
    UPDATE ${schema}.jobs j
    SET status = CASE WHEN j.attempt < j.max_attempts THEN 'pending' ELSE 'failed' END,
        run_after = CASE WHEN j.attempt < j.max_attempts THEN :now::timestamptz ELSE j.run_after END,
        completed_at = CASE WHEN j.attempt < j.max_attempts THEN NULL ELSE :now::timestamptz END,
        error_message = :message::text, error_code = 'worker_lost', error_retryable = j.attempt < j.max_attempts,
        lease_owner = NULL, lease_expires_at = NULL, version = j.version + 1, updated_at = :now::timestamptz
    FROM expired
    WHERE j.id = expired.id AND j.status = 'running'
    RETURNING j.id, j.version, j.account_id, j.user_id, j.status, j.attempt, j.updated_at, j.started_at, j.run_after,
              j.error_message, j.current_step, j.total_steps
), recorded AS (
    INSERT INTO ${schema}.job_events (job_id, kind, status, from_status, attempt, at, attempt_started_at, message,
                                      run_after, step, total_steps)
    SELECT id, 'status', status, 'running', attempt, updated_at, started_at, error_message,
           CASE WHEN status = 'pending' THEN run_after END, current_step, total_steps
    FROM rescued ORDER BY id
), notified AS (
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    SELECT id, account_id, user_id, status, 'Your job failed', error_message, updated_at FROM rescued
    WHERE status = 'failed' ORDER BY id
)
SELECT id, version, account_id, user_id, status FROM rescued;
