-- Completion notifications (dev.longrun.notify). A trigger on jobs writes the notification in the same
-- transaction as the status change (an outbox): a crash can neither lose nor duplicate it. The dispatcher
-- then plans one delivery row per channel and delivers each at most once per success.

CREATE TABLE longrun_notifications (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id      TEXT    NOT NULL REFERENCES longrun_jobs (id) ON DELETE CASCADE,
    account_id  TEXT,
    user_id     TEXT,
    kind        TEXT    NOT NULL CHECK (kind IN ('succeeded', 'failed', 'needs_action', 'cancelled')),
    title       TEXT    NOT NULL,
    body        TEXT,
    link        TEXT,
    created_at  INTEGER NOT NULL,
    planned_at  INTEGER,
    read_at     INTEGER,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX longrun_notifications_inbox_idx ON longrun_notifications (account_id, user_id, id DESC);
CREATE INDEX longrun_notifications_unplanned_idx ON longrun_notifications (id) WHERE planned_at IS NULL;
CREATE INDEX longrun_notifications_job_idx ON longrun_notifications (job_id);

CREATE TABLE longrun_notification_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id INTEGER NOT NULL REFERENCES longrun_notifications (id) ON DELETE CASCADE,
    channel         TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'gave_up')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    sent_at         INTEGER,
    lease_owner     TEXT,
    lease_until     INTEGER,
    UNIQUE (notification_id, channel)
);
CREATE INDEX longrun_notification_deliveries_due_idx ON longrun_notification_deliveries (next_attempt_at) WHERE status = 'pending';

CREATE TABLE longrun_webhooks (
    id                   TEXT    PRIMARY KEY,
    account_id           TEXT    NOT NULL,
    url                  TEXT    NOT NULL,
    format               TEXT    NOT NULL CHECK (format IN ('json', 'slack', 'teams')),
    secret               TEXT    NOT NULL,
    enabled              INTEGER NOT NULL DEFAULT 1,
    disabled_reason      TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    created_at           INTEGER NOT NULL
);
CREATE INDEX longrun_webhooks_account_idx ON longrun_webhooks (account_id);

-- One row per attempt (including tests), newest read first; rows go with their webhook.
CREATE TABLE longrun_webhook_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id      TEXT    NOT NULL REFERENCES longrun_webhooks (id) ON DELETE CASCADE,
    notification_id INTEGER,
    attempted_at    INTEGER NOT NULL,
    attempt         INTEGER NOT NULL,
    status_code     INTEGER,
    error           TEXT,
    duration_ms     INTEGER NOT NULL,
    succeeded       INTEGER NOT NULL
);
CREATE INDEX longrun_webhook_deliveries_webhook_idx ON longrun_webhook_deliveries (webhook_id, id DESC);

CREATE TABLE longrun_notification_preferences (
    account_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    job_type   TEXT NOT NULL,
    channel    TEXT NOT NULL CHECK (channel IN ('in_app', 'email', 'both')),
    PRIMARY KEY (account_id, user_id, job_type)
);

-- Email kept locally when no SMTP server is configured, for the UI to show.
CREATE TABLE longrun_mail_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    notification_id INTEGER NOT NULL UNIQUE,
    account_id      TEXT,
    user_id         TEXT,
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    text_body       TEXT    NOT NULL,
    html_body       TEXT    NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX longrun_mail_outbox_owner_idx ON longrun_mail_outbox (account_id, user_id, id DESC);

-- Which changes notify the owner: succeeded, failed and needs_action always; cancelled only when the system
-- cancelled a running job (its handler stopped with a cancel although nobody asked: cancel_requested_at is
-- null). A user's own cancel (of a pending, running or needs_action job) does not notify the user who did it.
CREATE TRIGGER longrun_jobs_notify_outcome
    AFTER UPDATE OF status ON longrun_jobs
    FOR EACH ROW
    WHEN NEW.status IS NOT OLD.status
         AND (NEW.status IN ('succeeded', 'failed', 'needs_action')
              OR (NEW.status = 'cancelled' AND OLD.status = 'running' AND NEW.cancel_requested_at IS NULL))
BEGIN
    INSERT INTO longrun_notifications (job_id, account_id, user_id, kind, title, body, created_at)
    VALUES (NEW.id, NEW.account_id, NEW.user_id, NEW.status,
            CASE NEW.status WHEN 'succeeded' THEN 'Your job is done'
                            WHEN 'failed' THEN 'Your job failed'
                            WHEN 'needs_action' THEN 'Your job needs your action'
                            ELSE 'Your job was cancelled' END,
            NEW.error_message, NEW.updated_at);
END;
