-- Longrun's statements on SQLite that move a job from one status to another (and the heartbeats and progress of
-- running jobs), loaded by NamedStatements with queries.sql. The timeline rows and notifications they cause are written
-- by the triggers of migrations V2 and V6. :name is a parameter. Instants are epoch millis; lists (ids, batches) are
-- bound as JSON arrays and read with json_each / json_extract. Every state change names the state it expects.

-- name: CancelPending
UPDATE longrun_jobs
SET status = 'cancelled', completed_at = :now, version = version + 1, updated_at = :now
WHERE id = :id AND status = 'pending'
RETURNING *;

-- name: CancelNeedsAction
UPDATE longrun_jobs
SET status = 'cancelled', completed_at = :now, version = version + 1, updated_at = :now
WHERE id = :id AND status = 'needs_action'
RETURNING *;

-- name: RequestCancel
UPDATE longrun_jobs
SET cancel_requested_at = :now, version = version + 1, updated_at = :now
WHERE id = :id AND status = 'running' AND cancel_requested_at IS NULL
RETURNING *;

-- name: Confirm
UPDATE longrun_jobs
SET status = 'pending', confirmed = 1, attempt = 0, run_after = :now, version = version + 1, updated_at = :now
WHERE id = :id AND status = 'needs_action'
RETURNING *;

-- name: FailPending
UPDATE longrun_jobs
SET status = 'failed', error_message = :message, error_code = :code, error_retryable = 0, completed_at = :now,
    version = version + 1, updated_at = :now
WHERE id = :id AND status = 'pending'
RETURNING *;

-- name: ReleaseWaiting
UPDATE longrun_jobs
SET waiting_for = NULL, version = version + 1, updated_at = :now
WHERE id = :id AND status = 'pending' AND waiting_for IS NOT NULL
RETURNING *;

-- name: ClaimJobs
-- :limit + 0, not a bare :limit: SQLite plans with a bare LIMIT parameter's value and re-prepares the statement
-- whenever that value changes, and :limit is the node's free worker slots, different from claim to claim
-- (docs/BENCHMARKS.md, "Sixth pass (branch reprepare)": a claim of 1-4 jobs cost 225-332 µs re-prepared, 79-115 not).
UPDATE longrun_jobs
SET status = 'running', attempt = attempt + 1, lease_owner = :owner, lease_expires_at = :lease_until,
    heartbeat_at = :now, started_at = :now, started_at_before_claim = started_at,
    heartbeat_at_before_claim = heartbeat_at, version = version + 1, updated_at = :now
WHERE status = 'pending'
  AND id IN (SELECT id FROM longrun_jobs
             WHERE status = 'pending' AND waiting_for IS NULL AND queue IN (SELECT value FROM json_each(:queues))
               AND run_after <= :now
             ORDER BY priority DESC, run_after, id
             LIMIT :limit + 0)
RETURNING *;

-- name: Heartbeat
UPDATE longrun_jobs
SET lease_expires_at = :lease_until, heartbeat_at = :now
WHERE id IN (SELECT value FROM json_each(:ids)) AND status = 'running' AND lease_owner = :owner
RETURNING id, cancel_requested_at IS NOT NULL AS cancel_requested;

-- name: SaveProgress
UPDATE longrun_jobs
SET progress_current = u.current, progress_total = u.total, progress_message = u.message, current_step = u.step,
    total_steps = u.steps, version = version + 1, updated_at = u.now
FROM (SELECT i.value AS uid,
             json_extract(:owners, '$[' || i.key || ']') AS owner,
             json_extract(:currents, '$[' || i.key || ']') AS current,
             json_extract(:totals, '$[' || i.key || ']') AS total,
             json_extract(:messages, '$[' || i.key || ']') AS message,
             json_extract(:steps, '$[' || i.key || ']') AS step,
             json_extract(:total_steps, '$[' || i.key || ']') AS steps,
             json_extract(:nows, '$[' || i.key || ']') AS now
      FROM json_each(:ids) i) AS u
WHERE longrun_jobs.id = u.uid AND longrun_jobs.status = 'running' AND longrun_jobs.lease_owner = u.owner
RETURNING id, version, account_id, user_id, status;

-- name: FinishSucceeded
UPDATE longrun_jobs
SET status = 'succeeded', result = u.result, summary = COALESCE(u.summary, longrun_jobs.summary),
    progress_current = COALESCE(progress_total, progress_current),
    error_message = NULL, error_code = NULL, error_retryable = NULL, completed_at = u.now,
    lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = u.now
FROM (SELECT i.value AS uid,
             json_extract(:owners, '$[' || i.key || ']') AS owner,
             json_extract(:results, '$[' || i.key || ']') AS result,
             json_extract(:summaries, '$[' || i.key || ']') AS summary,
             json_extract(:nows, '$[' || i.key || ']') AS now
      FROM json_each(:ids) i) AS u
WHERE longrun_jobs.id = u.uid AND longrun_jobs.status = 'running' AND longrun_jobs.lease_owner = u.owner
RETURNING id, version, account_id, user_id, status;

-- name: FinishFailed
UPDATE longrun_jobs
SET status = 'failed', error_message = u.message, error_code = u.code, error_retryable = u.retryable,
    summary = COALESCE(u.summary, longrun_jobs.summary), completed_at = u.now,
    lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = u.now
FROM (SELECT i.value AS uid,
             json_extract(:owners, '$[' || i.key || ']') AS owner,
             json_extract(:messages, '$[' || i.key || ']') AS message,
             json_extract(:codes, '$[' || i.key || ']') AS code,
             json_extract(:retryables, '$[' || i.key || ']') AS retryable,
             json_extract(:summaries, '$[' || i.key || ']') AS summary,
             json_extract(:nows, '$[' || i.key || ']') AS now
      FROM json_each(:ids) i) AS u
WHERE longrun_jobs.id = u.uid AND longrun_jobs.status = 'running' AND longrun_jobs.lease_owner = u.owner
RETURNING id, version, account_id, user_id, status;

-- name: FinishRetry
UPDATE longrun_jobs
SET status = 'pending', run_after = u.run_after, error_message = u.message, error_code = u.code,
    error_retryable = 1, lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = u.now
FROM (SELECT i.value AS uid,
             json_extract(:owners, '$[' || i.key || ']') AS owner,
             json_extract(:messages, '$[' || i.key || ']') AS message,
             json_extract(:codes, '$[' || i.key || ']') AS code,
             json_extract(:run_afters, '$[' || i.key || ']') AS run_after,
             json_extract(:nows, '$[' || i.key || ']') AS now
      FROM json_each(:ids) i) AS u
WHERE longrun_jobs.id = u.uid AND longrun_jobs.status = 'running' AND longrun_jobs.lease_owner = u.owner
RETURNING id, version, account_id, user_id, status;

-- name: FinishNeedsAction
UPDATE longrun_jobs
SET status = 'needs_action', action = u.action, summary = COALESCE(u.summary, longrun_jobs.summary),
    lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = u.now
FROM (SELECT i.value AS uid,
             json_extract(:owners, '$[' || i.key || ']') AS owner,
             json_extract(:actions, '$[' || i.key || ']') AS action,
             json_extract(:summaries, '$[' || i.key || ']') AS summary,
             json_extract(:nows, '$[' || i.key || ']') AS now
      FROM json_each(:ids) i) AS u
WHERE longrun_jobs.id = u.uid AND longrun_jobs.status = 'running' AND longrun_jobs.lease_owner = u.owner
RETURNING id, version, account_id, user_id, status;

-- name: FinishCancelled
UPDATE longrun_jobs
SET status = 'cancelled', summary = COALESCE(u.summary, longrun_jobs.summary), completed_at = u.now,
    lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = u.now
FROM (SELECT i.value AS uid,
             json_extract(:owners, '$[' || i.key || ']') AS owner,
             json_extract(:summaries, '$[' || i.key || ']') AS summary,
             json_extract(:nows, '$[' || i.key || ']') AS now
      FROM json_each(:ids) i) AS u
WHERE longrun_jobs.id = u.uid AND longrun_jobs.status = 'running' AND longrun_jobs.lease_owner = u.owner
RETURNING id, version, account_id, user_id, status;

-- name: ReleaseJobs
UPDATE longrun_jobs
SET status = 'pending', attempt = max(attempt - 1, 0), run_after = :now, lease_owner = NULL, lease_expires_at = NULL,
    version = version + 1, updated_at = :now
WHERE id IN (SELECT value FROM json_each(:ids)) AND status = 'running' AND lease_owner = :owner
RETURNING id, version, account_id, user_id, status;

-- name: UnclaimJobs
-- Undoes the claim of jobs that waited in a node's reserve and never started (WorkerPool): pending again with the
-- attempt, started_at and heartbeat_at they had, in their old place in line (the claim left run_after alone).
UPDATE longrun_jobs
SET status = 'pending', attempt = attempt - 1, started_at = started_at_before_claim,
    heartbeat_at = heartbeat_at_before_claim, lease_owner = NULL, lease_expires_at = NULL, version = version + 1,
    updated_at = :now
WHERE id IN (SELECT value FROM json_each(:ids)) AND status = 'running' AND lease_owner = :owner
RETURNING id, version, account_id, user_id, status;

-- name: ForgetUnclaimedStarts
-- After UnclaimJobs, in its transaction: the timeline loses the start the claim recorded and the way back to pending,
-- as neither happened to the job. Each job's latest start is its claim's (nothing else changed its status since).
DELETE FROM longrun_job_events
WHERE job_id IN (SELECT value FROM json_each(:ids)) AND kind = 'status'
  AND id >= (SELECT max(s.id) FROM longrun_job_events s
             WHERE s.job_id = longrun_job_events.job_id AND s.kind = 'status' AND s.status = 'running');

-- name: CancelUnclaimedRequests
-- After ForgetUnclaimedStarts: a job whose cancel was asked for while it waited is cancelled now, as a pending one is.
UPDATE longrun_jobs
SET status = 'cancelled', completed_at = :now, version = version + 1, updated_at = :now
WHERE id IN (SELECT value FROM json_each(:ids)) AND status = 'pending' AND cancel_requested_at IS NOT NULL
RETURNING id, version, account_id, user_id, status;

-- name: RescueExpired
UPDATE longrun_jobs
SET status = CASE WHEN attempt < max_attempts THEN 'pending' ELSE 'failed' END,
    run_after = CASE WHEN attempt < max_attempts THEN :now ELSE run_after END,
    completed_at = CASE WHEN attempt < max_attempts THEN NULL ELSE :now END,
    error_message = :message, error_code = 'worker_lost', error_retryable = attempt < max_attempts,
    lease_owner = NULL, lease_expires_at = NULL, version = version + 1, updated_at = :now
WHERE status = 'running'
  AND id IN (SELECT id FROM longrun_jobs
             WHERE status = 'running' AND lease_expires_at < :now
             ORDER BY lease_expires_at
             LIMIT :limit)
RETURNING id, version, account_id, user_id, status;
