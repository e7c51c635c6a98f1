-- Longrun's tables on SQLite: no schemas, so a longrun_ prefix; TEXT uuids, INTEGER epoch millis, TEXT json.

CREATE TABLE longrun_jobs (
    id                          TEXT    PRIMARY KEY,
    account_id                  TEXT,
    user_id                     TEXT,
    type                        TEXT    NOT NULL,
    queue                       TEXT    NOT NULL,
    priority                    INTEGER NOT NULL DEFAULT 0,
    status                      TEXT    NOT NULL
        CHECK (status IN ('pending', 'running', 'needs_action', 'succeeded', 'failed', 'cancelled')),
    progress_current            INTEGER,
    progress_total              INTEGER,
    progress_message            TEXT,
    current_step                INTEGER,
    total_steps                 INTEGER,
    created_at                  INTEGER NOT NULL,
    started_at                  INTEGER,
    completed_at                INTEGER,
    updated_at                  INTEGER NOT NULL,
    run_after                   INTEGER NOT NULL,
    estimated_duration_seconds  INTEGER,
    cancellable                 INTEGER NOT NULL DEFAULT 1,
    cancel_requested_at         INTEGER,
    attempt                     INTEGER NOT NULL DEFAULT 0,
    max_attempts                INTEGER NOT NULL,
    idempotency_key             TEXT,
    request_fingerprint         TEXT,
    params                      TEXT    NOT NULL DEFAULT '{}',
    result                      TEXT,
    error_message               TEXT,
    error_code                  TEXT,
    error_retryable             INTEGER,
    summary                     TEXT,
    action                      TEXT,
    confirmed                   INTEGER NOT NULL DEFAULT 0,
    depends_on                  TEXT,
    waiting_for                 TEXT,
    retry_of                    TEXT,
    timeout_seconds             INTEGER,
    lease_owner                 TEXT,
    lease_expires_at            INTEGER,
    heartbeat_at                INTEGER,
    version                     INTEGER NOT NULL DEFAULT 1
);

-- Claiming: runnable pending jobs in claim order. The queue is not a key column: a claim over a set of
-- queues could not read the index in order and would sort every pending job (measured in longrun-bench).
CREATE INDEX longrun_jobs_claim_idx ON longrun_jobs (priority DESC, run_after, id)
    WHERE status = 'pending' AND waiting_for IS NULL;

-- At most one active job per idempotency key; a finished job frees its key.
CREATE UNIQUE INDEX longrun_jobs_active_key_idx ON longrun_jobs (idempotency_key)
    WHERE status IN ('pending', 'running', 'needs_action');

-- A user's jobs, most recent first.
CREATE INDEX longrun_jobs_owner_idx ON longrun_jobs (account_id, user_id, created_at DESC);

-- The rescuer: running jobs by lease expiry.
CREATE INDEX longrun_jobs_lease_idx ON longrun_jobs (lease_expires_at) WHERE status = 'running';

-- Dependents waiting for another job.
CREATE INDEX longrun_jobs_waiting_idx ON longrun_jobs (waiting_for) WHERE waiting_for IS NOT NULL;

-- Retention and duration history.
CREATE INDEX longrun_jobs_completed_idx ON longrun_jobs (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX longrun_jobs_type_succeeded_idx ON longrun_jobs (type, completed_at DESC) WHERE status = 'succeeded';

CREATE TABLE longrun_job_logs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      TEXT    NOT NULL REFERENCES longrun_jobs (id) ON DELETE CASCADE,
    level       TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    timestamp   INTEGER NOT NULL
);
CREATE INDEX longrun_job_logs_job_idx ON longrun_job_logs (job_id, id);

CREATE TABLE longrun_job_items (
    job_id      TEXT    NOT NULL REFERENCES longrun_jobs (id) ON DELETE CASCADE,
    key         TEXT    NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('succeeded', 'failed', 'skipped', 'warning')),
    message     TEXT,
    detail      TEXT,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (job_id, key)
);
CREATE INDEX longrun_job_items_status_idx ON longrun_job_items (job_id, status);

-- No foreign key: a file row outlives its job until the file itself is deleted.
CREATE TABLE longrun_job_files (
    storage_key TEXT    PRIMARY KEY,
    job_id      TEXT    NOT NULL,
    filename    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    deleted_at  INTEGER
);
CREATE INDEX longrun_job_files_job_idx ON longrun_job_files (job_id);
CREATE INDEX longrun_job_files_live_idx ON longrun_job_files (created_at) WHERE deleted_at IS NULL;
