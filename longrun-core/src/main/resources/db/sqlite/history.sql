-- Named statements of dev.longrun.history on SQLite: a job's timeline, written by the triggers of migration V6.

-- name: JobEvents
SELECT * FROM longrun_job_events WHERE job_id = :job_id ORDER BY id LIMIT :limit;

-- name: RunMillis
-- Time spent running over every attempt: from each attempt's start to the change that ended it.
SELECT coalesce(sum(at - attempt_started_at), 0) AS millis, count(*) AS attempts
FROM longrun_job_events
WHERE job_id = :job_id AND kind = 'status' AND from_status = 'running' AND attempt_started_at IS NOT NULL;
