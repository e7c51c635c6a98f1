-- Longrun's statements on SQLite, loaded once by NamedStatements with transitions.sql: starts, reads, lists, keys,
-- maintenance and the dashboard's bulk actions. The statements that change a job's status are in transitions.sql.
-- :name is a parameter. Instants are epoch millis; lists (ids, batches) are bound as JSON arrays and read
-- with json_each / json_extract. Every state change names the state it expects.

-- name: InsertJob
INSERT INTO longrun_jobs (id, account_id, user_id, type, queue, priority, status, created_at, updated_at, run_after,
                          estimated_duration_seconds, cancellable, attempt, max_attempts, idempotency_key,
                          request_fingerprint, params, depends_on, waiting_for, retry_of, timeout_seconds, version)
VALUES (:id, :account_id, :user_id, :type, :queue, :priority, 'pending', :created_at, :created_at, :run_after,
        :estimated_duration_seconds, :cancellable, 0, :max_attempts, :idempotency_key, :request_fingerprint,
        COALESCE(:params, '{}'), :depends_on, :waiting_for, :retry_of, :timeout_seconds, 1)
ON CONFLICT DO NOTHING
RETURNING *;

-- name: FindActiveByKey
SELECT * FROM longrun_jobs
WHERE idempotency_key = :idempotency_key AND status IN ('pending', 'running', 'needs_action');

-- name: ClaimIdempotencyKey
-- Takes a client's key for a new job unless a live (unexpired) row holds it; an expired row is taken over. No row back:
-- the key is held, read it with FindIdempotencyKey.
INSERT INTO longrun_idempotency_keys (key, account_id, user_id, job_id, request_fingerprint, created_at, expires_at)
VALUES (:key, :account_id, :user_id, :job_id, :request_fingerprint, :now, :expires_at)
ON CONFLICT (key) DO UPDATE
SET account_id = excluded.account_id, user_id = excluded.user_id, job_id = excluded.job_id,
    request_fingerprint = excluded.request_fingerprint, created_at = excluded.created_at, expires_at = excluded.expires_at
WHERE longrun_idempotency_keys.expires_at <= excluded.created_at
RETURNING job_id;

-- name: FindIdempotencyKey
SELECT job_id, request_fingerprint, expires_at FROM longrun_idempotency_keys WHERE key = :key;

-- name: PurgeIdempotencyKeys
DELETE FROM longrun_idempotency_keys
WHERE key IN (SELECT key FROM longrun_idempotency_keys WHERE expires_at <= :now ORDER BY expires_at LIMIT :limit);

-- name: ClaimIdempotencyKeys
-- ClaimIdempotencyKey for a batch of distinct keys, in key order. The rows back are the jobs whose key was taken.
-- "WHERE true" keeps SQLite from reading ON CONFLICT as part of the join (its documented parsing ambiguity).
INSERT INTO longrun_idempotency_keys (key, account_id, user_id, job_id, request_fingerprint, created_at, expires_at)
SELECT i.value, json_extract(:account_ids, '$[' || i.key || ']'), json_extract(:user_ids, '$[' || i.key || ']'),
       json_extract(:job_ids, '$[' || i.key || ']'), json_extract(:request_fingerprints, '$[' || i.key || ']'),
       json_extract(:created_ats, '$[' || i.key || ']'), json_extract(:expires_ats, '$[' || i.key || ']')
FROM json_each(:keys) i
WHERE true
ORDER BY i.key
ON CONFLICT (key) DO UPDATE
SET account_id = excluded.account_id, user_id = excluded.user_id, job_id = excluded.job_id,
    request_fingerprint = excluded.request_fingerprint, created_at = excluded.created_at, expires_at = excluded.expires_at
WHERE longrun_idempotency_keys.expires_at <= excluded.created_at
RETURNING job_id;

-- name: FindIdempotencyKeys
SELECT key, job_id, request_fingerprint, expires_at FROM longrun_idempotency_keys
WHERE key IN (SELECT value FROM json_each(:keys));

-- name: InsertJobs
-- Many jobs in one statement (startAll, and single starts grouped by the starter). Like InsertJob, a job whose key an
-- active job holds is skipped (ON CONFLICT DO NOTHING); the caller reads the holders with FindActiveByKeys.
-- "WHERE true" keeps SQLite from reading ON CONFLICT as part of the join (its documented parsing ambiguity).
INSERT INTO longrun_jobs (id, account_id, user_id, type, queue, priority, status, created_at, updated_at, run_after,
                          estimated_duration_seconds, cancellable, attempt, max_attempts, idempotency_key,
                          request_fingerprint, params, depends_on, waiting_for, retry_of, timeout_seconds, version)
SELECT i.value, json_extract(:account_ids, '$[' || i.key || ']'), json_extract(:user_ids, '$[' || i.key || ']'),
       json_extract(:types, '$[' || i.key || ']'), json_extract(:queues, '$[' || i.key || ']'),
       json_extract(:priorities, '$[' || i.key || ']'), 'pending', json_extract(:created_ats, '$[' || i.key || ']'),
       json_extract(:created_ats, '$[' || i.key || ']'), json_extract(:run_afters, '$[' || i.key || ']'),
       json_extract(:estimated_durations, '$[' || i.key || ']'), json_extract(:cancellables, '$[' || i.key || ']'), 0,
       json_extract(:max_attempts, '$[' || i.key || ']'), json_extract(:idempotency_keys, '$[' || i.key || ']'),
       json_extract(:request_fingerprints, '$[' || i.key || ']'),
       COALESCE(json_extract(:params, '$[' || i.key || ']'), '{}'), json_extract(:depends_ons, '$[' || i.key || ']'),
       json_extract(:waiting_fors, '$[' || i.key || ']'), json_extract(:retry_ofs, '$[' || i.key || ']'),
       json_extract(:timeouts, '$[' || i.key || ']'), 1
FROM json_each(:ids) i
WHERE true
ORDER BY i.key
ON CONFLICT DO NOTHING
RETURNING *;

-- name: FindActiveByKeys
SELECT * FROM longrun_jobs
WHERE idempotency_key IN (SELECT value FROM json_each(:idempotency_keys)) AND status IN ('pending', 'running', 'needs_action');

-- name: FindJob
SELECT * FROM longrun_jobs WHERE id = :id;

-- name: FindJobStamp
-- A job's owner and version only (an HTTP 304 compares no more); RowReader.stamp reads these by position.
SELECT id, account_id, user_id, version FROM longrun_jobs WHERE id = :id;

-- name: FindJobs
SELECT * FROM longrun_jobs WHERE id IN (SELECT value FROM json_each(:ids));

-- name: FindBlockedDependents
SELECT j.* FROM longrun_jobs j
JOIN longrun_jobs d ON d.id = j.waiting_for
WHERE j.status = 'pending' AND j.waiting_for IS NOT NULL AND d.status IN ('succeeded', 'failed', 'cancelled')
ORDER BY j.created_at, j.id
LIMIT :limit;

-- name: PruneFinished
DELETE FROM longrun_jobs
WHERE id IN (SELECT id FROM longrun_jobs
             WHERE status IN ('succeeded', 'failed', 'cancelled') AND completed_at < :before
             ORDER BY completed_at
             LIMIT :limit);

-- name: PruneDeletedFiles
-- Rows of deleted files whose job is gone too: nothing is left to track.
DELETE FROM longrun_job_files
WHERE deleted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM longrun_jobs j WHERE j.id = longrun_job_files.job_id);

-- name: RecordFile
INSERT INTO longrun_job_files (storage_key, job_id, filename, created_at)
VALUES (:storage_key, :job_id, :filename, :created_at)
ON CONFLICT (storage_key) DO NOTHING;

-- name: MarkFileDeleted
UPDATE longrun_job_files SET deleted_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
WHERE storage_key = :storage_key AND deleted_at IS NULL;

-- name: FilesCreatedBefore
SELECT * FROM longrun_job_files
WHERE deleted_at IS NULL AND created_at < :before
ORDER BY created_at
LIMIT :limit;

-- name: FilesOf
SELECT * FROM longrun_job_files
WHERE job_id IN (SELECT value FROM json_each(:ids)) AND deleted_at IS NULL
ORDER BY created_at;

-- name: ListJobsAsOf
-- Active first (rank 0, newest created first), then finished (rank 1, most recently completed first). The rank is taken
-- as of :as_of, the time the first page was read (kept in the cursor): a job that finishes while a client pages keeps
-- the rank and sort time it had then, so the order of every job is fixed for the whole walk and the cursor (the sort
-- key of the last row of the previous page) never repeats or skips one.
SELECT *, CASE WHEN completed_at IS NULL OR completed_at > :as_of THEN 0 ELSE 1 END AS list_rank,
       CASE WHEN completed_at IS NULL OR completed_at > :as_of THEN created_at ELSE completed_at END AS list_sort_at
FROM longrun_jobs
WHERE (:account_id IS NULL OR account_id = :account_id)
  AND (:user_id IS NULL OR user_id = :user_id)
  AND (:statuses IS NULL OR status IN (SELECT value FROM json_each(:statuses)))
  AND (:types IS NULL OR type IN (SELECT value FROM json_each(:types)))
  AND (:ids IS NULL OR id IN (SELECT value FROM json_each(:ids)))
  AND (:history OR hidden_at IS NULL)
  AND (:cursor_rank IS NULL
       OR CASE WHEN completed_at IS NULL OR completed_at > :as_of THEN 0 ELSE 1 END > :cursor_rank
       OR (CASE WHEN completed_at IS NULL OR completed_at > :as_of THEN 0 ELSE 1 END = :cursor_rank
           AND (CASE WHEN completed_at IS NULL OR completed_at > :as_of THEN created_at ELSE completed_at END < :cursor_sort_at
                OR (CASE WHEN completed_at IS NULL OR completed_at > :as_of THEN created_at ELSE completed_at END = :cursor_sort_at AND id < :cursor_id))))
ORDER BY list_rank, list_sort_at DESC, id DESC
LIMIT :limit;

-- name: CountJobsByStatus
-- How many of a person's jobs are in each status, those in their list apart from those they cleared from it, under
-- the same filters as ListJobsAsOf except the status and history: the counts on the status tabs of the jobs list.
SELECT status, hidden_at IS NOT NULL AS cleared, count(*) AS n
FROM longrun_jobs
WHERE (:account_id IS NULL OR account_id = :account_id)
  AND (:user_id IS NULL OR user_id = :user_id)
  AND (:types IS NULL OR type IN (SELECT value FROM json_each(:types)))
GROUP BY status, cleared;

-- name: JobsChangedSince
-- A user's jobs changed at or after :since, oldest change first: what a resumed event stream (Last-Event-ID) missed.
SELECT * FROM longrun_jobs
WHERE account_id IS :account_id AND user_id = :user_id AND updated_at >= :since
ORDER BY updated_at, id
LIMIT :limit;

-- name: QueueStanding
-- Where a job stands in its queue's line (the runnable pending jobs, in claim order), from bare counts of ranges of
-- longrun_jobs_queue_line_idx, each stopped by its LIMIT: the cost does not grow with the queue. counted: the line,
-- counted to at most :limit + 101 jobs; ahead: the jobs before the job (:limit or more: past the count). Most jobs
-- looked at were started last or nearly, so the jobs behind the job are counted first (to 100): with fewer than 100,
-- ahead = counted - 1 - behind (in a line longer than the count, that leaves it above :limit, as the job is). Else
-- the jobs ahead are counted. No row when the job is not in line; one statement, so one snapshot.
-- Materializing the first :limit + 1 jobs of the line and comparing each with the job cost 2-4 times more
-- (docs/BENCHMARKS.md, "Sixth pass"). No LIMIT here is a bare parameter, and no counted range has an ORDER BY (a count
-- needs none): with either, SQLite re-prepared the statement each time its parameters were cleared, as the statement
-- cache does after each use (measured: 2-3 times the cost).
-- INDEXED BY: given statistics of a one-queue table, SQLite counted the line along the claim index instead, reading
-- each job's row for its queue. The job's own row is read by its id.
WITH line AS NOT MATERIALIZED (
       SELECT priority, run_after, id FROM longrun_jobs INDEXED BY longrun_jobs_queue_line_idx
       WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue),
     me AS (SELECT priority, run_after, id FROM longrun_jobs
            WHERE id = :id AND status = 'pending' AND waiting_for IS NULL AND queue = :queue AND run_after <= :now),
     placed AS MATERIALIZED (
       SELECT me.priority, me.run_after, me.id,
              (SELECT count(*) FROM (SELECT 1 FROM line j
                                     WHERE j.priority = me.priority AND j.run_after = me.run_after AND j.id > me.id LIMIT 100))
            + (SELECT count(*) FROM (SELECT 1 FROM line j
                                     WHERE j.priority = me.priority AND j.run_after > me.run_after AND j.run_after <= :now LIMIT 100))
            + (SELECT count(*) FROM (SELECT 1 FROM line j
                                     WHERE j.priority < me.priority AND j.run_after <= :now LIMIT 100)) AS behind,
              (SELECT count(*) FROM (SELECT 1 FROM line j WHERE j.run_after <= :now LIMIT :limit + 101)) AS counted
       FROM me)
SELECT p.counted,
       CASE WHEN p.behind < 100 THEN p.counted - 1 - p.behind
            ELSE (SELECT count(*) FROM (SELECT 1 FROM line j
                                        WHERE j.priority > p.priority AND j.run_after <= :now LIMIT :limit + 1))
               + (SELECT count(*) FROM (SELECT 1 FROM line j
                                        WHERE j.priority = p.priority AND j.run_after < p.run_after LIMIT :limit + 1))
               + (SELECT count(*) FROM (SELECT 1 FROM line j
                                        WHERE j.priority = p.priority AND j.run_after = p.run_after AND j.id < p.id LIMIT :limit + 1))
       END AS ahead
FROM placed p;

-- name: QueueDepth
-- Every runnable pending job of a queue, counted: a range of longrun_jobs_queue_line_idx (the queue-depth gauge).
SELECT count(*) AS depth FROM longrun_jobs
WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue AND run_after <= :now;

-- name: RecentDurations
SELECT completed_at - started_at AS millis, progress_total AS total
FROM longrun_jobs
WHERE type = :type AND status = 'succeeded' AND started_at IS NOT NULL
ORDER BY completed_at DESC
LIMIT :limit;

-- name: KeepShape
INSERT INTO longrun_estimate_shapes (type, recorded_at, shape)
VALUES (:type, :recorded_at, :shape);

-- name: PruneShapes
DELETE FROM longrun_estimate_shapes
WHERE type = :type
  AND id < (SELECT min(id) FROM (SELECT id FROM longrun_estimate_shapes WHERE type = :type
                                 ORDER BY id DESC LIMIT :keep));

-- name: RecentShapes
SELECT shape FROM longrun_estimate_shapes WHERE type = :type ORDER BY id DESC LIMIT :limit;

-- name: AppendLog
INSERT INTO longrun_job_logs (job_id, level, message, timestamp)
VALUES (:job_id, :level, :message, :timestamp);

-- name: Logs
-- The latest lines, oldest first.
SELECT * FROM (SELECT * FROM longrun_job_logs WHERE job_id = :job_id ORDER BY id DESC LIMIT :limit) latest
ORDER BY id;

-- name: SaveItem
INSERT INTO longrun_job_items (job_id, key, status, message, detail, created_at, retryable)
VALUES (:job_id, :key, :status, :message, :detail, :created_at, :retryable)
ON CONFLICT (job_id, key) DO UPDATE
SET status = excluded.status, message = excluded.message, detail = excluded.detail, created_at = excluded.created_at,
    retryable = excluded.retryable;

-- name: Items
-- Rows recorded in the same moment list "row 9" before "row 10" (shorter key first), not in text order.
SELECT * FROM longrun_job_items
WHERE job_id = :job_id AND (:status IS NULL OR status = :status)
ORDER BY created_at, length(key), key
LIMIT :limit OFFSET :offset;

-- name: CountItems
SELECT coalesce(sum(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END), 0) AS succeeded,
       coalesce(sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
       coalesce(sum(CASE WHEN status = 'skipped' THEN 1 ELSE 0 END), 0) AS skipped,
       coalesce(sum(CASE WHEN status = 'warning' THEN 1 ELSE 0 END), 0) AS warnings
FROM longrun_job_items
WHERE job_id = :job_id;

-- name: ActiveJobIds
SELECT id FROM longrun_jobs
WHERE account_id IS :account_id AND user_id IS :user_id AND status IN ('pending', 'running', 'needs_action')
ORDER BY created_at, id;

-- name: HideFinished
-- Takes the user's finished jobs out of their list; retention deletes them later (PruneFinished). A new version, so
-- screens that hold the job see it marked cleared.
UPDATE longrun_jobs SET hidden_at = :now, version = version + 1
WHERE account_id IS :account_id AND user_id IS :user_id AND status IN ('succeeded', 'failed', 'cancelled')
  AND hidden_at IS NULL
RETURNING id;
