-- Longrun's statements on PostgreSQL, loaded once by NamedStatements with transitions.sql: starts, reads, lists,
-- keys, maintenance and the dashboard's bulk actions. The statements that change a job's status are in transitions.sql.
-- ${schema} is the quoted schema name; :name is a parameter. Every state change names the state it expects.
-- Arrays (ids, batches) are bound as SQL arrays; instants inside arrays as ISO text cast to timestamptz.

-- name: InsertJob
INSERT INTO ${schema}.jobs (id, account_id, user_id, type, queue, priority, status, created_at, updated_at, run_after,
                            estimated_duration_seconds, cancellable, attempt, max_attempts, idempotency_key,
                            request_fingerprint, params, depends_on, waiting_for, retry_of, timeout_seconds, version)
VALUES (:id::uuid, :account_id::text, :user_id::text, :type::text, :queue::text, :priority::int, 'pending',
        :created_at::timestamptz, :created_at::timestamptz, :run_after::timestamptz, :estimated_duration_seconds::bigint,
        :cancellable::boolean, 0, :max_attempts::int, :idempotency_key::text, :request_fingerprint::text,
        COALESCE(:params::jsonb, '{}'::jsonb), :depends_on::uuid, :waiting_for::uuid, :retry_of::uuid,
        :timeout_seconds::bigint, 1)
ON CONFLICT DO NOTHING
RETURNING *;

-- name: FindActiveByKey
SELECT * FROM ${schema}.jobs
WHERE idempotency_key = :idempotency_key::text AND status IN ('pending', 'running', 'needs_action');

-- name: ClaimIdempotencyKey
-- Takes a client's key for a new job unless a live (unexpired) row holds it; an expired row is taken over. No row back:
-- the key is held, read it with FindIdempotencyKey. Concurrent claims wait on the key's row, so exactly one wins.
INSERT INTO ${schema}.idempotency_keys AS k (key, account_id, user_id, job_id, request_fingerprint, created_at, expires_at)
VALUES (:key::text, :account_id::text, :user_id::text, :job_id::uuid, :request_fingerprint::text, :now::timestamptz,
        :expires_at::timestamptz)
ON CONFLICT (key) DO UPDATE
SET account_id = excluded.account_id, user_id = excluded.user_id, job_id = excluded.job_id,
    request_fingerprint = excluded.request_fingerprint, created_at = excluded.created_at, expires_at = excluded.expires_at
WHERE k.expires_at <= excluded.created_at
RETURNING k.job_id;

-- name: FindIdempotencyKey
SELECT job_id, request_fingerprint, expires_at FROM ${schema}.idempotency_keys WHERE key = :key::text;

-- name: ClaimIdempotencyKeys
-- ClaimIdempotencyKey for a batch of distinct keys (startAll, grouped single starts), in key order so two batches
-- claiming the same keys wait for each other instead of deadlocking. The rows back are the jobs whose key was taken.
INSERT INTO ${schema}.idempotency_keys AS k (key, account_id, user_id, job_id, request_fingerprint, created_at, expires_at)
SELECT u.key, u.account_id, u.user_id, u.job_id, u.request_fingerprint, u.created_at, u.expires_at
FROM unnest(:keys::text[], :account_ids::text[], :user_ids::text[], :job_ids::uuid[], :request_fingerprints::text[],
            :created_ats::timestamptz[], :expires_ats::timestamptz[])
    WITH ORDINALITY AS u(key, account_id, user_id, job_id, request_fingerprint, created_at, expires_at, ord)
ORDER BY u.ord
ON CONFLICT (key) DO UPDATE
SET account_id = excluded.account_id, user_id = excluded.user_id, job_id = excluded.job_id,
    request_fingerprint = excluded.request_fingerprint, created_at = excluded.created_at, expires_at = excluded.expires_at
WHERE k.expires_at <= excluded.created_at
RETURNING k.job_id;

-- name: FindIdempotencyKeys
SELECT key, job_id, request_fingerprint, expires_at FROM ${schema}.idempotency_keys WHERE key = ANY(:keys::text[]);

-- name: PurgeIdempotencyKeys
DELETE FROM ${schema}.idempotency_keys
WHERE key IN (SELECT key FROM ${schema}.idempotency_keys WHERE expires_at <= :now::timestamptz ORDER BY expires_at
              LIMIT :limit::int);

-- name: InsertJobs
-- Many jobs in one statement (startAll, and single starts grouped by the starter). Like InsertJob, a job whose key an
-- active job holds is skipped (ON CONFLICT DO NOTHING); the caller reads the holders with FindActiveByKeys.
INSERT INTO ${schema}.jobs (id, account_id, user_id, type, queue, priority, status, created_at, updated_at, run_after,
                            estimated_duration_seconds, cancellable, attempt, max_attempts, idempotency_key,
                            request_fingerprint, params, depends_on, waiting_for, retry_of, timeout_seconds, version)
SELECT u.id, u.account_id, u.user_id, u.type, u.queue, u.priority, 'pending', u.created_at, u.created_at, u.run_after,
       u.estimated_duration_seconds, u.cancellable, 0, u.max_attempts, u.idempotency_key, u.request_fingerprint,
       COALESCE(u.params::jsonb, '{}'::jsonb), u.depends_on, u.waiting_for, u.retry_of, u.timeout_seconds, 1
FROM unnest(:ids::uuid[], :account_ids::text[], :user_ids::text[], :types::text[], :queues::text[], :priorities::int[],
            :created_ats::timestamptz[], :run_afters::timestamptz[], :estimated_durations::bigint[],
            :cancellables::boolean[], :max_attempts::int[], :idempotency_keys::text[], :request_fingerprints::text[],
            :params::text[], :depends_ons::uuid[], :waiting_fors::uuid[], :retry_ofs::uuid[], :timeouts::bigint[])
    WITH ORDINALITY AS u(id, account_id, user_id, type, queue, priority, created_at, run_after, estimated_duration_seconds,
                         cancellable, max_attempts, idempotency_key, request_fingerprint, params, depends_on, waiting_for,
                         retry_of, timeout_seconds, ord)
ORDER BY u.ord
ON CONFLICT DO NOTHING
RETURNING *;

-- name: ClaimKeysAndInsertJobs
-- ClaimIdempotencyKeys and InsertJobs in one statement (PostgreSQL only: SQLite has no data-modifying WITH), so a
-- batch with client keys costs one round trip, not two. The :keys arrays are the distinct keys of the jobs with
-- claims_key true, in key order; such a job is inserted only if its key was taken (its id comes back from claimed).
-- ORDER BY u.ord sorts the whole join before the first job is inserted, so every key is claimed (in key order) before
-- any job row is written, as in the two statements. Jobs without a client key are skipped while an active job holds
-- their derived key, as by InsertJobs; a job whose id exists fails the statement instead of being skipped, so no key is
-- left claimed for a job that is not there (the starter runs it in auto-commit for grouped single starts).
WITH claimed AS (
    INSERT INTO ${schema}.idempotency_keys AS k (key, account_id, user_id, job_id, request_fingerprint, created_at,
                                                 expires_at)
    SELECT c.key, c.account_id, c.user_id, c.job_id, c.request_fingerprint, c.created_at, c.expires_at
    FROM unnest(:keys::text[], :key_account_ids::text[], :key_user_ids::text[], :key_job_ids::uuid[],
                :key_request_fingerprints::text[], :key_created_ats::timestamptz[], :key_expires_ats::timestamptz[])
        WITH ORDINALITY AS c(key, account_id, user_id, job_id, request_fingerprint, created_at, expires_at, ord)
    ORDER BY c.ord
    ON CONFLICT (key) DO UPDATE
    SET account_id = excluded.account_id, user_id = excluded.user_id, job_id = excluded.job_id,
        request_fingerprint = excluded.request_fingerprint, created_at = excluded.created_at,
        expires_at = excluded.expires_at
    WHERE k.expires_at <= excluded.created_at
    RETURNING k.job_id
)
INSERT INTO ${schema}.jobs (id, account_id, user_id, type, queue, priority, status, created_at, updated_at, run_after,
                            estimated_duration_seconds, cancellable, attempt, max_attempts, idempotency_key,
                            request_fingerprint, params, depends_on, waiting_for, retry_of, timeout_seconds, version)
SELECT u.id, u.account_id, u.user_id, u.type, u.queue, u.priority, 'pending', u.created_at, u.created_at, u.run_after,
       u.estimated_duration_seconds, u.cancellable, 0, u.max_attempts, u.idempotency_key, u.request_fingerprint,
       COALESCE(u.params::jsonb, '{}'::jsonb), u.depends_on, u.waiting_for, u.retry_of, u.timeout_seconds, 1
FROM unnest(:ids::uuid[], :account_ids::text[], :user_ids::text[], :types::text[], :queues::text[], :priorities::int[],
            :created_ats::timestamptz[], :run_afters::timestamptz[], :estimated_durations::bigint[],
            :cancellables::boolean[], :max_attempts::int[], :idempotency_keys::text[], :request_fingerprints::text[],
            :params::text[], :depends_ons::uuid[], :waiting_fors::uuid[], :retry_ofs::uuid[], :timeouts::bigint[],
            :claims_keys::boolean[])
    WITH ORDINALITY AS u(id, account_id, user_id, type, queue, priority, created_at, run_after, estimated_duration_seconds,
                         cancellable, max_attempts, idempotency_key, request_fingerprint, params, depends_on, waiting_for,
                         retry_of, timeout_seconds, claims_key, ord)
LEFT JOIN claimed w ON w.job_id = u.id
WHERE NOT u.claims_key OR w.job_id IS NOT NULL
ORDER BY u.ord
ON CONFLICT (idempotency_key) WHERE status IN ('pending', 'running', 'needs_action') AND idempotency_key IS NOT NULL
DO NOTHING
RETURNING *;

-- name: FindActiveByKeys
SELECT * FROM ${schema}.jobs
WHERE idempotency_key = ANY(:idempotency_keys::text[]) AND status IN ('pending', 'running', 'needs_action');

-- name: FindJob
SELECT * FROM ${schema}.jobs WHERE id = :id::uuid;

-- name: FindJobStamp
-- A job's owner and version only (an HTTP 304 compares no more); RowReader.stamp reads these by position.
SELECT id, account_id, user_id, version FROM ${schema}.jobs WHERE id = :id::uuid;

-- name: FindJobs
SELECT * FROM ${schema}.jobs WHERE id = ANY(:ids::uuid[]);

-- name: FindBlockedDependents
SELECT j.* FROM ${schema}.jobs j
JOIN ${schema}.jobs d ON d.id = j.waiting_for
WHERE j.status = 'pending' AND j.waiting_for IS NOT NULL AND d.status IN ('succeeded', 'failed', 'cancelled')
ORDER BY j.created_at, j.id
LIMIT :limit::int;

-- name: PruneFinished
DELETE FROM ${schema}.jobs
WHERE id IN (SELECT id FROM ${schema}.jobs
             WHERE status IN ('succeeded', 'failed', 'cancelled') AND completed_at < :before::timestamptz
             ORDER BY completed_at
             LIMIT :limit::int);

-- name: PruneDeletedFiles
-- Rows of deleted files whose job is gone too: nothing is left to track.
DELETE FROM ${schema}.job_files
WHERE deleted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${schema}.jobs j WHERE j.id = ${schema}.job_files.job_id);

-- name: RecordFile
INSERT INTO ${schema}.job_files (storage_key, job_id, filename, created_at)
VALUES (:storage_key::text, :job_id::uuid, :filename::text, :created_at::timestamptz)
ON CONFLICT (storage_key) DO NOTHING;

-- name: MarkFileDeleted
UPDATE ${schema}.job_files SET deleted_at = now() WHERE storage_key = :storage_key::text AND deleted_at IS NULL;

-- name: FilesCreatedBefore
SELECT * FROM ${schema}.job_files
WHERE deleted_at IS NULL AND created_at < :before::timestamptz
ORDER BY created_at
LIMIT :limit::int;

-- name: FilesOf
SELECT * FROM ${schema}.job_files
WHERE job_id = ANY(:ids::uuid[]) AND deleted_at IS NULL
ORDER BY created_at;

-- name: ListJobsAsOf
-- Active first (rank 0, newest created first), then finished (rank 1, most recently completed first). The rank is taken
-- as of :as_of, the time the first page was read (kept in the cursor): a job that finishes while a client pages keeps
-- the rank and sort time it had then, so the order of every job is fixed for the whole walk and the cursor (the sort
-- key of the last row of the previous page) never repeats or skips one.
SELECT *, CASE WHEN completed_at IS NULL OR completed_at > :as_of::timestamptz THEN 0 ELSE 1 END AS list_rank,
       CASE WHEN completed_at IS NULL OR completed_at > :as_of::timestamptz THEN created_at ELSE completed_at END AS list_sort_at
FROM ${schema}.jobs
WHERE (:account_id::text IS NULL OR account_id = :account_id::text)
  AND (:user_id::text IS NULL OR user_id = :user_id::text)
  AND (:statuses::text[] IS NULL OR status = ANY(:statuses::text[]))
  AND (:types::text[] IS NULL OR type = ANY(:types::text[]))
  AND (:ids::uuid[] IS NULL OR id = ANY(:ids::uuid[]))
  AND (:history::boolean OR hidden_at IS NULL)
  AND (:cursor_rank::int IS NULL
       OR CASE WHEN completed_at IS NULL OR completed_at > :as_of::timestamptz THEN 0 ELSE 1 END > :cursor_rank::int
       OR (CASE WHEN completed_at IS NULL OR completed_at > :as_of::timestamptz THEN 0 ELSE 1 END = :cursor_rank::int
           AND (CASE WHEN completed_at IS NULL OR completed_at > :as_of::timestamptz THEN created_at ELSE completed_at END < :cursor_sort_at::timestamptz
                OR (CASE WHEN completed_at IS NULL OR completed_at > :as_of::timestamptz THEN created_at ELSE completed_at END = :cursor_sort_at::timestamptz AND id < :cursor_id::uuid))))
ORDER BY list_rank, list_sort_at DESC, id DESC
LIMIT :limit::int;

-- name: CountJobsByStatus
-- How many of a person's jobs are in each status, those in their list apart from those they cleared from it, under
-- the same filters as ListJobsAsOf except the status and history: the counts on the status tabs of the jobs list.
SELECT status, hidden_at IS NOT NULL AS cleared, count(*) AS n
FROM ${schema}.jobs
WHERE (:account_id::text IS NULL OR account_id = :account_id::text)
  AND (:user_id::text IS NULL OR user_id = :user_id::text)
  AND (:types::text[] IS NULL OR type = ANY(:types::text[]))
GROUP BY status, cleared;

-- name: JobsChangedSince
-- A user's jobs changed at or after :since, oldest change first: what a resumed event stream (Last-Event-ID) missed.
SELECT * FROM ${schema}.jobs
WHERE account_id IS NOT DISTINCT FROM :account_id::text AND user_id = :user_id::text AND updated_at >= :since::timestamptz
ORDER BY updated_at, id
LIMIT :limit::int;

-- name: QueueStanding
-- Where a job stands in its queue's line (the runnable pending jobs, in claim order), from the first :limit + 1 of the
-- line only, read along jobs_queue_line_idx (an index-only scan): the cost does not grow with the queue. counted: how
-- many of those (0 when the job itself is not in line); ahead: how many of those come before the job. The job's own
-- place is read from its stored row, so position and size come from one snapshot and the position is never beyond
-- the size. Unlike SQLite's, this statement still compares the job with each of the first :limit + 1 jobs: here that
-- costs at most 1.5 times a bare count of them, and SQLite's range counts, written for PostgreSQL, cost 1.5-20 times
-- more than this (docs/BENCHMARKS.md, "Sixth pass").
WITH me AS (SELECT priority, run_after, id FROM ${schema}.jobs
            WHERE id = :id::uuid AND status = 'pending' AND waiting_for IS NULL AND queue = :queue::text
              AND run_after <= :now::timestamptz),
     line AS (SELECT priority, run_after, id FROM ${schema}.jobs
              WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue::text AND run_after <= :now::timestamptz
              ORDER BY priority DESC, run_after, id
              LIMIT :limit::int + 1)
SELECT count(*) AS counted,
       count(*) FILTER (WHERE l.priority > me.priority
                           OR (l.priority = me.priority AND (l.run_after < me.run_after
                                                             OR (l.run_after = me.run_after AND l.id < me.id)))) AS ahead
FROM line l, me;

-- name: QueueDepth
-- Every runnable pending job of a queue, counted: a range of jobs_queue_line_idx (the queue-depth gauge).
SELECT count(*) AS depth FROM ${schema}.jobs
WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue::text AND run_after <= :now::timestamptz;

-- name: RecentDurations
SELECT (extract(epoch FROM completed_at - started_at) * 1000)::bigint AS millis, progress_total AS total
FROM ${schema}.jobs
WHERE type = :type::text AND status = 'succeeded' AND started_at IS NOT NULL
ORDER BY completed_at DESC
LIMIT :limit::int;

-- name: KeepShape
INSERT INTO ${schema}.estimate_shapes (type, recorded_at, shape)
VALUES (:type::text, :recorded_at::timestamptz, :shape::text);

-- name: PruneShapes
DELETE FROM ${schema}.estimate_shapes
WHERE type = :type::text
  AND id < (SELECT min(id) FROM (SELECT id FROM ${schema}.estimate_shapes WHERE type = :type::text
                                 ORDER BY id DESC LIMIT :keep::int) newest);

-- name: RecentShapes
SELECT shape FROM ${schema}.estimate_shapes WHERE type = :type::text ORDER BY id DESC LIMIT :limit::int;

-- name: AppendLog
INSERT INTO ${schema}.job_logs (job_id, level, message, timestamp)
VALUES (:job_id::uuid, :level::text, :message::text, :timestamp::timestamptz);

-- name: Logs
-- The latest lines, oldest first.
SELECT * FROM (SELECT * FROM ${schema}.job_logs WHERE job_id = :job_id::uuid ORDER BY id DESC LIMIT :limit::int) latest
ORDER BY id;

-- name: SaveItem
INSERT INTO ${schema}.job_items (job_id, key, status, message, detail, created_at, retryable)
VALUES (:job_id::uuid, :key::text, :status::text, :message::text, :detail::jsonb, :created_at::timestamptz, :retryable::boolean)
ON CONFLICT (job_id, key) DO UPDATE
SET status = excluded.status, message = excluded.message, detail = excluded.detail, created_at = excluded.created_at,
    retryable = excluded.retryable;

-- name: Items
-- Rows recorded in the same moment list "row 9" before "row 10" (shorter key first), not in text order.
SELECT * FROM ${schema}.job_items
WHERE job_id = :job_id::uuid AND (:status::text IS NULL OR status = :status::text)
ORDER BY created_at, length(key), key
LIMIT :limit::int OFFSET :offset::int;

-- name: CountItems
SELECT coalesce(sum(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END), 0) AS succeeded,
       coalesce(sum(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), 0) AS failed,
       coalesce(sum(CASE WHEN status = 'skipped' THEN 1 ELSE 0 END), 0) AS skipped,
       coalesce(sum(CASE WHEN status = 'warning' THEN 1 ELSE 0 END), 0) AS warnings
FROM ${schema}.job_items
WHERE job_id = :job_id::uuid;

-- name: ActiveJobIds
SELECT id FROM ${schema}.jobs
WHERE account_id IS NOT DISTINCT FROM :account_id::text AND user_id IS NOT DISTINCT FROM :user_id::text
  AND status IN ('pending', 'running', 'needs_action')
ORDER BY created_at, id;

-- name: HideFinished
-- Takes the user's finished jobs out of their list; retention deletes them later (PruneFinished). A new version, so
-- screens that hold the job see it marked cleared.
UPDATE ${schema}.jobs SET hidden_at = :now::timestamptz, version = version + 1
WHERE account_id IS NOT DISTINCT FROM :account_id::text AND user_id IS NOT DISTINCT FROM :user_id::text
  AND status IN ('succeeded', 'failed', 'cancelled') AND hidden_at IS NULL
RETURNING id;

-- name: Notify
-- Every payload of a batch in one round trip, in order (a finish of a thousand jobs makes a dozen payloads). They come
-- as one text, separated by NotifyPayload.SEPARATOR (chr(30), which no payload holds): as a text[], every character of
-- every payload was escaped by the driver and parsed back by the server, and the announcing thread spent most of its
-- time there in a drain (docs/benchmarks/scale.md, "Eleventh pass").
SELECT pg_notify(:channel::text, p) FROM unnest(string_to_array(:payloads::text, chr(30))) WITH ORDINALITY AS u(p, n) ORDER BY n;
