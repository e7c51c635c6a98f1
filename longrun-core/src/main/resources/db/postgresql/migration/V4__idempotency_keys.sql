-- Idempotency-Key headers, remembered for their lifetime (default 24 h) whatever happens to their job: a repeat
-- after the job finished, or after it was cleared or pruned, still finds the key here. No foreign key to jobs for
-- that reason. "key" is the runtime's hash of account, user and the client's key; account and user are kept in the
-- clear for inspection and per-user clean-up. Expired rows are purged by maintenance.
CREATE TABLE ${schema}.idempotency_keys (
    key                 text        PRIMARY KEY,
    account_id          text,
    user_id             text        NOT NULL,
    job_id              uuid        NOT NULL,
    request_fingerprint text        NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL
);
CREATE INDEX idempotency_keys_expiry_idx ON ${schema}.idempotency_keys (expires_at);
