-- The local outbox: invitation emails kept here when no SMTP server is configured (spring.mail.host absent),
-- so a newcomer can read what would have been sent.
CREATE TABLE outbox_messages (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id TEXT        NOT NULL,
    user_id    TEXT        NOT NULL,
    job_id     UUID,
    recipient  TEXT        NOT NULL,
    subject    TEXT        NOT NULL,
    body       TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX outbox_messages_owner_idx ON outbox_messages (account_id, user_id, id);
