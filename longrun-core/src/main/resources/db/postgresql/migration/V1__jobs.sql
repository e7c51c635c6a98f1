-- Longrun's tables on PostgreSQL. ${schema} is the (quoted) schema Flyway was given, "longrun" by default.

CREATE TABLE ${schema}.jobs (
    id                          uuid        PRIMARY KEY,
    account_id                  text,
    user_id                     text,
    type                        text        NOT NULL,
    queue                       text        NOT NULL,
    priority                    integer     NOT NULL DEFAULT 0,
    status                      text        NOT NULL
        CHECK (status IN ('pending', 'running', 'needs_action', 'succeeded', 'failed', 'cancelled')),
    progress_current            bigint,
    progress_total              bigint,
    progress_message            text,
    current_step                integer,
    total_steps                 integer,
    created_at                  timestamptz NOT NULL,
    started_at                  timestamptz,
    completed_at                timestamptz,
    updated_at                  timestamptz NOT NULL,
    run_after                   timestamptz NOT NULL,
    estimated_duration_seconds  bigint,
    cancellable                 boolean     NOT NULL DEFAULT true,
    cancel_requested_at         timestamptz,
    attempt                     integer     NOT NULL DEFAULT 0,
    max_attempts                integer     NOT NULL,
    idempotency_key             text,
    request_fingerprint         text,
    params                      jsonb       NOT NULL DEFAULT '{}',
    result                      jsonb,
    error_message               text,
    error_code                  text,
    error_retryable             boolean,
    summary                     jsonb,
    action                      jsonb,
    confirmed                   boolean     NOT NULL DEFAULT false,
    depends_on                  uuid,
    waiting_for                 uuid,
    retry_of                    uuid,
    timeout_seconds             bigint,
    lease_owner                 text,
    lease_expires_at            timestamptz,
    heartbeat_at                timestamptz,
    version                     bigint      NOT NULL DEFAULT 1
);

-- Claiming: runnable pending jobs in claim order. The queue is not a key column: a claim over a set of
-- queues could not read the index in order and would sort every pending job (measured in longrun-bench).
CREATE INDEX jobs_claim_idx ON ${schema}.jobs (priority DESC, run_after, id)
    WHERE status = 'pending' AND waiting_for IS NULL;

-- At most one active job per idempotency key; a finished job frees its key.
CREATE UNIQUE INDEX jobs_active_key_idx ON ${schema}.jobs (idempotency_key)
    WHERE status IN ('pending', 'running', 'needs_action');

-- A user's jobs, most recent first.
CREATE INDEX jobs_owner_idx ON ${schema}.jobs (account_id, user_id, created_at DESC);

-- The rescuer: running jobs by lease expiry.
CREATE INDEX jobs_lease_idx ON ${schema}.jobs (lease_expires_at) WHERE status = 'running';

-- Dependents waiting for another job.
CREATE INDEX jobs_waiting_idx ON ${schema}.jobs (waiting_for) WHERE waiting_for IS NOT NULL;

-- Retention and duration history.
CREATE INDEX jobs_completed_idx ON ${schema}.jobs (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX jobs_type_succeeded_idx ON ${schema}.jobs (type, completed_at DESC) WHERE status = 'succeeded';

CREATE TABLE ${schema}.job_logs (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id      uuid        NOT NULL REFERENCES ${schema}.jobs (id) ON DELETE CASCADE,
    level       text        NOT NULL,
    message     text        NOT NULL,
    timestamp   timestamptz NOT NULL
);
CREATE INDEX job_logs_job_idx ON ${schema}.job_logs (job_id, id);

CREATE TABLE ${schema}.job_items (
    job_id      uuid        NOT NULL REFERENCES ${schema}.jobs (id) ON DELETE CASCADE,
    key         text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('succeeded', 'failed', 'skipped', 'warning')),
    message     text,
    detail      jsonb,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (job_id, key)
);
CREATE INDEX job_items_status_idx ON ${schema}.job_items (job_id, status);

-- No foreign key: a file row outlives its job until the file itself is deleted.
CREATE TABLE ${schema}.job_files (
    storage_key text        PRIMARY KEY,
    job_id      uuid        NOT NULL,
    filename    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    deleted_at  timestamptz
);
CREATE INDEX job_files_job_idx ON ${schema}.job_files (job_id);
CREATE INDEX job_files_live_idx ON ${schema}.job_files (created_at) WHERE deleted_at IS NULL;
