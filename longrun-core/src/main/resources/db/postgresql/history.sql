-- Named statements of dev.longrun.history on PostgreSQL: a job's timeline, written by the triggers of migration V6.

-- name: JobEvents
SELECT * FROM ${schema}.job_events WHERE job_id = :job_id::uuid ORDER BY id LIMIT :limit::int;

-- name: RunMillis
-- Time spent running over every attempt: from each attempt's start to the change that ended it.
SELECT coalesce(sum((extract(epoch FROM at - attempt_started_at) * 1000)::bigint), 0) AS millis, count(*) AS attempts
FROM ${schema}.job_events
WHERE job_id = :job_id::uuid AND kind = 'status' AND from_status = 'running' AND attempt_started_at IS NOT NULL;
