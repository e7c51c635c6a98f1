-- Idempotency-Key headers, remembered for their lifetime (default 24 h) whatever happens to their job: a repeat
-- after the job finished, or after it was cleared or pruned, still finds the key here. No foreign key to jobs for
-- that reason. "key" is the runtime's hash of account, user and the client's key; account and user are kept in the
-- clear for inspection and per-user clean-up. Expired rows are purged by maintenance.
CREATE TABLE longrun_idempotency_keys (
    key                 TEXT    PRIMARY KEY,
    account_id          TEXT,
    user_id             TEXT    NOT NULL,
    job_id              TEXT    NOT NULL,
    request_fingerprint TEXT    NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL
);
CREATE INDEX longrun_idempotency_keys_expiry_idx ON longrun_idempotency_keys (expires_at);
