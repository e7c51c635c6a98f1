-- The same index of active keys as PostgreSQL's V9: jobs whose key lives in longrun_idempotency_keys (their own column
-- null) stay out of it. SQLite's job_events keep their foreign key: SQLite cannot drop one without copying the table,
-- and a single embedded node is far from the limits PostgreSQL's V9 is about.
DROP INDEX longrun_jobs_active_key_idx;
CREATE UNIQUE INDEX longrun_jobs_active_key_idx ON longrun_jobs (idempotency_key)
    WHERE status IN ('pending', 'running', 'needs_action') AND idempotency_key IS NOT NULL;
