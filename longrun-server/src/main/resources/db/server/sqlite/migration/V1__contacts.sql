-- Contacts of the demo product. import_job_id marks rows an import added, so a cancelled or failed
-- import can remove exactly its rows and a retry never leaves duplicates.
CREATE TABLE contacts (
    id            INTEGER PRIMARY KEY,
    account_id    TEXT NOT NULL,
    name          TEXT NOT NULL,
    email         TEXT,
    company       TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    import_job_id TEXT
);

CREATE UNIQUE INDEX contacts_account_email_key ON contacts (account_id, lower(email)) WHERE email IS NOT NULL;
CREATE INDEX contacts_account_idx ON contacts (account_id, id);
CREATE INDEX contacts_import_job_idx ON contacts (import_job_id) WHERE import_job_id IS NOT NULL;
