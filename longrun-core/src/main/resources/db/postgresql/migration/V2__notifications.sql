-- Completion notifications (dev.longrun.notify). A trigger on jobs writes the notification in the same
-- transaction as the status change (an outbox): a crash can neither lose nor duplicate it. The dispatcher
-- then plans one delivery row per channel and delivers each at most once per success.

CREATE TABLE ${schema}.notifications (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id      uuid        NOT NULL REFERENCES ${schema}.jobs (id) ON DELETE CASCADE,
    account_id  text,
    user_id     text,
    kind        text        NOT NULL CHECK (kind IN ('succeeded', 'failed', 'needs_action', 'cancelled')),
    title       text        NOT NULL,
    body        text,
    link        text,
    created_at  timestamptz NOT NULL,
    planned_at  timestamptz,
    read_at     timestamptz,
    version     bigint      NOT NULL DEFAULT 1
);
CREATE INDEX notifications_inbox_idx ON ${schema}.notifications (account_id, user_id, id DESC);
CREATE INDEX notifications_unplanned_idx ON ${schema}.notifications (id) WHERE planned_at IS NULL;
CREATE INDEX notifications_job_idx ON ${schema}.notifications (job_id);

CREATE TABLE ${schema}.notification_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id bigint      NOT NULL REFERENCES ${schema}.notifications (id) ON DELETE CASCADE,
    channel         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'gave_up')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      text,
    sent_at         timestamptz,
    lease_owner     text,
    lease_until     timestamptz,
    UNIQUE (notification_id, channel)
);
CREATE INDEX notification_deliveries_due_idx ON ${schema}.notification_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE ${schema}.webhooks (
    id                   uuid        PRIMARY KEY,
    account_id           text        NOT NULL,
    url                  text        NOT NULL,
    format               text        NOT NULL CHECK (format IN ('json', 'slack', 'teams')),
    secret               text        NOT NULL,
    enabled              boolean     NOT NULL DEFAULT true,
    disabled_reason      text,
    consecutive_failures integer     NOT NULL DEFAULT 0,
    created_at           timestamptz NOT NULL
);
CREATE INDEX webhooks_account_idx ON ${schema}.webhooks (account_id);

-- One row per attempt (including tests), newest read first; rows go with their webhook.
CREATE TABLE ${schema}.webhook_deliveries (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES ${schema}.webhooks (id) ON DELETE CASCADE,
    notification_id bigint,
    attempted_at    timestamptz NOT NULL,
    attempt         integer     NOT NULL,
    status_code     integer,
    error           text,
    duration_ms     bigint      NOT NULL,
    succeeded       boolean     NOT NULL
);
CREATE INDEX webhook_deliveries_webhook_idx ON ${schema}.webhook_deliveries (webhook_id, id DESC);

CREATE TABLE ${schema}.notification_preferences (
    account_id text NOT NULL,
    user_id    text NOT NULL,
    job_type   text NOT NULL,
    channel    text NOT NULL CHECK (channel IN ('in_app', 'email', 'both')),
    PRIMARY KEY (account_id, user_id, job_type)
);

-- Email kept locally when no SMTP server is configured, for the UI to show.
CREATE TABLE ${schema}.mail_outbox (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id bigint      NOT NULL UNIQUE,
    account_id      text,
    user_id         text,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    text_body       text        NOT NULL,
    html_body       text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX mail_outbox_owner_idx ON ${schema}.mail_outbox (account_id, user_id, id DESC);

-- Which changes notify the owner: succeeded, failed and needs_action always; cancelled only when the system
-- cancelled a running job (its handler stopped with a cancel although nobody asked: cancel_requested_at is
-- null). A user's own cancel (of a pending, running or needs_action job) does not notify the user who did it.
CREATE FUNCTION ${schema}.notify_job_outcome() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${schema}.notifications (job_id, account_id, user_id, kind, title, body, created_at)
    VALUES (NEW.id, NEW.account_id, NEW.user_id, NEW.status,
            CASE NEW.status WHEN 'succeeded' THEN 'Your job is done'
                            WHEN 'failed' THEN 'Your job failed'
                            WHEN 'needs_action' THEN 'Your job needs your action'
                            ELSE 'Your job was cancelled' END,
            NEW.error_message, NEW.updated_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_notify_outcome
    AFTER UPDATE OF status ON ${schema}.jobs
    FOR EACH ROW
    WHEN (NEW.status IS DISTINCT FROM OLD.status
          AND (NEW.status IN ('succeeded', 'failed', 'needs_action')
               OR (NEW.status = 'cancelled' AND OLD.status = 'running' AND NEW.cancel_requested_at IS NULL)))
    EXECUTE FUNCTION ${schema}.notify_job_outcome();
