-- Fewer index entries and checks per job transition (issue 14; measured in docs/BENCHMARKS.md "Scale"). No update of
-- a job is HOT (its status is in the predicates of the partial indexes), so every claim and finish adds an entry to
-- every index whose predicate the new row meets, and the timeline's triggers add one job_events row per transition.

-- A job started with a client's Idempotency-Key keeps the key in idempotency_keys, and its own column is null; the
-- index of active keys held an entry for each such null anyway, re-added at every claim. Jobs without a key stay out
-- now. ON CONFLICT DO NOTHING and FindActiveByKey(s) (key = …, which implies not null) use it as before.
DROP INDEX ${schema}.jobs_active_key_idx;
CREATE UNIQUE INDEX jobs_active_key_idx ON ${schema}.jobs (idempotency_key)
    WHERE status IN ('pending', 'running', 'needs_action') AND idempotency_key IS NOT NULL;

-- job_events: one index instead of two (the timeline reads by job_id in id order). job_events and notifications: no
-- foreign key to jobs. Its check ran per inserted row (three events and one notification per job; in a finish of 800
-- jobs the notifications trigger took 11-15 ms with it, 5 ms without), although both are written by the jobs table's
-- own triggers, in the same statement, for rows that exist. What the keys' ON DELETE CASCADE did, a statement-level
-- trigger does: events and notifications (and, by their own key, deliveries) go with their job.
ALTER TABLE ${schema}.job_events DROP CONSTRAINT job_events_job_id_fkey;
ALTER TABLE ${schema}.notifications DROP CONSTRAINT notifications_job_id_fkey;
ALTER TABLE ${schema}.job_events DROP CONSTRAINT job_events_pkey;
DROP INDEX ${schema}.job_events_job_idx;
ALTER TABLE ${schema}.job_events ADD CONSTRAINT job_events_pkey PRIMARY KEY (job_id, id);

CREATE FUNCTION ${schema}.delete_job_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${schema}.job_events e USING deleted_rows d WHERE e.job_id = d.id;
    DELETE FROM ${schema}.notifications n USING deleted_rows d WHERE n.job_id = d.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_delete_records
    AFTER DELETE ON ${schema}.jobs
    REFERENCING OLD TABLE AS deleted_rows
    FOR EACH STATEMENT
    EXECUTE FUNCTION ${schema}.delete_job_records();
