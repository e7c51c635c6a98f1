-- The local outbox: invitation emails kept here when no SMTP server is configured (spring.mail.host absent),
-- so a newcomer can read what would have been sent.
CREATE TABLE outbox_messages (
    id         INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    job_id     TEXT,
    recipient  TEXT NOT NULL,
    subject    TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX outbox_messages_owner_idx ON outbox_messages (account_id, user_id, id);
