-- Named statements of dev.longrun.notify on SQLite: tables carry the longrun_ prefix; the write lock stands in for SKIP LOCKED.

-- name: ListNotifications
SELECT * FROM longrun_notifications
WHERE account_id = :account_id AND user_id = :user_id AND id < :before_id
ORDER BY id DESC
LIMIT :limit;

-- name: CountUnread
SELECT count(*) AS unread FROM longrun_notifications
WHERE account_id = :account_id AND user_id = :user_id AND read_at IS NULL;

-- name: FindNotification
SELECT * FROM longrun_notifications WHERE id = :id;

-- name: NotificationsOfJob
SELECT * FROM longrun_notifications WHERE job_id = :job_id ORDER BY id DESC;

-- name: MarkRead
UPDATE longrun_notifications
SET read_at = COALESCE(read_at, :now), version = version + CASE WHEN read_at IS NULL THEN 1 ELSE 0 END
WHERE id = :id AND account_id = :account_id AND user_id = :user_id
RETURNING *;

-- name: MarkAllRead
UPDATE longrun_notifications
SET read_at = :now, version = version + 1
WHERE account_id = :account_id AND user_id = :user_id AND read_at IS NULL;

-- name: Unplanned
SELECT * FROM longrun_notifications WHERE planned_at IS NULL ORDER BY id LIMIT :limit;

-- name: MarkPlannedMany
-- A batch of plans in one statement, each only if nobody planned it first (writes are serialized on SQLite).
UPDATE longrun_notifications
SET planned_at = :now, title = p.title, body = p.body, link = p.link, read_at = p.read_at, version = version + 1
FROM (SELECT i.value AS pid,
             json_extract(:titles, '$[' || i.key || ']') AS title,
             json_extract(:bodies, '$[' || i.key || ']') AS body,
             json_extract(:links, '$[' || i.key || ']') AS link,
             json_extract(:read_ats, '$[' || i.key || ']') AS read_at
      FROM json_each(:ids) i) AS p
WHERE longrun_notifications.id = p.pid AND longrun_notifications.planned_at IS NULL
RETURNING id;

-- name: InsertDelivery
INSERT INTO longrun_notification_deliveries (notification_id, channel, status, next_attempt_at)
VALUES (:notification_id, :channel, 'pending', :next_attempt_at)
ON CONFLICT (notification_id, channel) DO NOTHING;

-- name: ClaimDeliveries
UPDATE longrun_notification_deliveries
SET lease_owner = :owner, lease_until = :lease_until
WHERE id IN (SELECT id FROM longrun_notification_deliveries
             WHERE status = 'pending' AND next_attempt_at <= :now
               AND (lease_until IS NULL OR lease_until < :now)
             ORDER BY next_attempt_at, id
             LIMIT :limit)
RETURNING *;

-- name: RecordSent
UPDATE longrun_notification_deliveries
SET status = 'sent', attempts = attempts + 1, sent_at = :now, last_error = NULL,
    lease_owner = NULL, lease_until = NULL
WHERE id = :id AND status = 'pending' AND lease_owner = :owner;

-- name: RecordRetry
UPDATE longrun_notification_deliveries
SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next_attempt_at,
    lease_owner = NULL, lease_until = NULL
WHERE id = :id AND status = 'pending' AND lease_owner = :owner;

-- name: RecordFinalFailure
UPDATE longrun_notification_deliveries
SET status = :status, attempts = attempts + :attempted, last_error = :error,
    lease_owner = NULL, lease_until = NULL
WHERE id = :id AND status = 'pending' AND lease_owner = :owner;

-- name: DeliveriesOf
SELECT * FROM longrun_notification_deliveries WHERE notification_id = :notification_id ORDER BY channel;

-- name: GiveUpChannel
UPDATE longrun_notification_deliveries
SET status = 'gave_up', last_error = :error, lease_owner = NULL, lease_until = NULL
WHERE channel = :channel AND status = 'pending';

-- name: InsertWebhook
INSERT INTO longrun_webhooks (id, account_id, url, format, secret, created_at)
VALUES (:id, :account_id, :url, :format, :secret, :created_at)
RETURNING *;

-- name: ListWebhooks
SELECT * FROM longrun_webhooks WHERE account_id = :account_id ORDER BY created_at, id;

-- name: EnabledWebhooks
SELECT * FROM longrun_webhooks WHERE account_id = :account_id AND enabled = 1 ORDER BY created_at, id;

-- name: FindWebhook
SELECT * FROM longrun_webhooks WHERE id = :id;

-- name: DeleteWebhook
DELETE FROM longrun_webhooks WHERE id = :id AND account_id = :account_id;

-- name: WebhookSucceeded
UPDATE longrun_webhooks SET consecutive_failures = 0 WHERE id = :id;

-- name: WebhookFailed
UPDATE longrun_webhooks
SET consecutive_failures = consecutive_failures + 1,
    enabled = CASE WHEN enabled AND consecutive_failures + 1 < :limit THEN 1 ELSE 0 END,
    disabled_reason = CASE WHEN enabled AND consecutive_failures + 1 >= :limit THEN :reason ELSE disabled_reason END
WHERE id = :id
RETURNING *;

-- name: LogWebhookAttempt
INSERT INTO longrun_webhook_deliveries (webhook_id, notification_id, attempted_at, attempt, status_code, error, duration_ms, succeeded)
VALUES (:webhook_id, :notification_id, :attempted_at, :attempt, :status_code,
        :error, :duration_ms, :succeeded);

-- name: WebhookAttempts
SELECT * FROM longrun_webhook_deliveries WHERE webhook_id = :webhook_id ORDER BY id DESC LIMIT :limit;

-- name: Preferences
SELECT * FROM longrun_notification_preferences
WHERE account_id = :account_id AND user_id = :user_id ORDER BY job_type;

-- name: PreferencesOfOwners
-- every choice of any of these accounts' users of these names (a superset of the owners asked; the caller picks)
SELECT * FROM longrun_notification_preferences
WHERE account_id IN (SELECT value FROM json_each(:account_ids)) AND user_id IN (SELECT value FROM json_each(:user_ids))
ORDER BY account_id, user_id, job_type;

-- name: DeletePreferences
DELETE FROM longrun_notification_preferences WHERE account_id = :account_id AND user_id = :user_id;

-- name: InsertPreference
INSERT INTO longrun_notification_preferences (account_id, user_id, job_type, channel)
VALUES (:account_id, :user_id, :job_type, :channel);

-- name: InsertOutboxMail
INSERT INTO longrun_mail_outbox (notification_id, account_id, user_id, recipient, subject, text_body, html_body, created_at)
VALUES (:notification_id, :account_id, :user_id, :recipient, :subject, :text_body,
        :html_body, :created_at)
ON CONFLICT (notification_id) DO NOTHING;

-- name: OutboxMails
SELECT * FROM longrun_mail_outbox
WHERE account_id = :account_id AND user_id = :user_id ORDER BY id DESC LIMIT :limit;

-- name: PruneWebhookLog
DELETE FROM longrun_webhook_deliveries WHERE attempted_at < :before;

-- name: PruneOutbox
DELETE FROM longrun_mail_outbox WHERE created_at < :before;
