-- Named statements of dev.longrun.notify on PostgreSQL. ${schema} is the quoted Longrun schema.

-- name: ListNotifications
SELECT * FROM ${schema}.notifications
WHERE account_id = :account_id::text AND user_id = :user_id::text AND id < :before_id::bigint
ORDER BY id DESC
LIMIT :limit::int;

-- name: CountUnread
SELECT count(*) AS unread FROM ${schema}.notifications
WHERE account_id = :account_id::text AND user_id = :user_id::text AND read_at IS NULL;

-- name: FindNotification
SELECT * FROM ${schema}.notifications WHERE id = :id::bigint;

-- name: NotificationsOfJob
SELECT * FROM ${schema}.notifications WHERE job_id = :job_id::uuid ORDER BY id DESC;

-- name: MarkRead
UPDATE ${schema}.notifications
SET read_at = COALESCE(read_at, :now::timestamptz), version = version + CASE WHEN read_at IS NULL THEN 1 ELSE 0 END
WHERE id = :id::bigint AND account_id = :account_id::text AND user_id = :user_id::text
RETURNING *;

-- name: MarkAllRead
UPDATE ${schema}.notifications
SET read_at = :now::timestamptz, version = version + 1
WHERE account_id = :account_id::text AND user_id = :user_id::text AND read_at IS NULL;

-- name: Unplanned
SELECT * FROM ${schema}.notifications WHERE planned_at IS NULL ORDER BY id LIMIT :limit::int;

-- name: MarkPlannedMany
-- A batch of plans in one statement, each only if nobody planned it first. Rows another node is planning right now
-- are skipped (that node plans them), and the rest are locked in id order, so two nodes never wait on each other.
WITH mine AS (
    SELECT id FROM ${schema}.notifications
    WHERE id = ANY(:ids::bigint[]) AND planned_at IS NULL
    ORDER BY id
    FOR UPDATE SKIP LOCKED
)
UPDATE ${schema}.notifications n
SET planned_at = :now::timestamptz, title = p.title, body = p.body, link = p.link, read_at = p.read_at,
    version = n.version + 1
FROM unnest(:ids::bigint[], :titles::text[], :bodies::text[], :links::text[], :read_ats::timestamptz[])
         AS p(id, title, body, link, read_at)
JOIN mine ON mine.id = p.id
WHERE n.id = p.id
RETURNING n.id;

-- name: InsertDelivery
INSERT INTO ${schema}.notification_deliveries (notification_id, channel, status, next_attempt_at)
VALUES (:notification_id::bigint, :channel::text, 'pending', :next_attempt_at::timestamptz)
ON CONFLICT (notification_id, channel) DO NOTHING;

-- name: ClaimDeliveries
WITH due AS (
    SELECT id FROM ${schema}.notification_deliveries
    WHERE status = 'pending' AND next_attempt_at <= :now::timestamptz
      AND (lease_until IS NULL OR lease_until < :now::timestamptz)
    ORDER BY next_attempt_at, id
    LIMIT :limit::int
    FOR UPDATE SKIP LOCKED
)
UPDATE ${schema}.notification_deliveries d
SET lease_owner = :owner::text, lease_until = :lease_until::timestamptz
FROM due
WHERE d.id = due.id
RETURNING d.*;

-- name: RecordSent
UPDATE ${schema}.notification_deliveries
SET status = 'sent', attempts = attempts + 1, sent_at = :now::timestamptz, last_error = NULL,
    lease_owner = NULL, lease_until = NULL
WHERE id = :id::bigint AND status = 'pending' AND lease_owner = :owner::text;

-- name: RecordRetry
UPDATE ${schema}.notification_deliveries
SET attempts = attempts + 1, last_error = :error::text, next_attempt_at = :next_attempt_at::timestamptz,
    lease_owner = NULL, lease_until = NULL
WHERE id = :id::bigint AND status = 'pending' AND lease_owner = :owner::text;

-- name: RecordFinalFailure
UPDATE ${schema}.notification_deliveries
SET status = :status::text, attempts = attempts + :attempted::int, last_error = :error::text,
    lease_owner = NULL, lease_until = NULL
WHERE id = :id::bigint AND status = 'pending' AND lease_owner = :owner::text;

-- name: DeliveriesOf
SELECT * FROM ${schema}.notification_deliveries WHERE notification_id = :notification_id::bigint ORDER BY channel;

-- name: GiveUpChannel
UPDATE ${schema}.notification_deliveries
SET status = 'gave_up', last_error = :error::text, lease_owner = NULL, lease_until = NULL
WHERE channel = :channel::text AND status = 'pending';

-- name: InsertWebhook
INSERT INTO ${schema}.webhooks (id, account_id, url, format, secret, created_at)
VALUES (:id::uuid, :account_id::text, :url::text, :format::text, :secret::text, :created_at::timestamptz)
RETURNING *;

-- name: ListWebhooks
SELECT * FROM ${schema}.webhooks WHERE account_id = :account_id::text ORDER BY created_at, id;

-- name: EnabledWebhooks
SELECT * FROM ${schema}.webhooks WHERE account_id = :account_id::text AND enabled ORDER BY created_at, id;

-- name: FindWebhook
SELECT * FROM ${schema}.webhooks WHERE id = :id::uuid;

-- name: DeleteWebhook
DELETE FROM ${schema}.webhooks WHERE id = :id::uuid AND account_id = :account_id::text;

-- name: WebhookSucceeded
UPDATE ${schema}.webhooks SET consecutive_failures = 0 WHERE id = :id::uuid;

-- name: WebhookFailed
UPDATE ${schema}.webhooks
SET consecutive_failures = consecutive_failures + 1,
    enabled = enabled AND consecutive_failures + 1 < :limit::int,
    disabled_reason = CASE WHEN enabled AND consecutive_failures + 1 >= :limit::int THEN :reason::text ELSE disabled_reason END
WHERE id = :id::uuid
RETURNING *;

-- name: LogWebhookAttempt
INSERT INTO ${schema}.webhook_deliveries (webhook_id, notification_id, attempted_at, attempt, status_code, error, duration_ms, succeeded)
VALUES (:webhook_id::uuid, :notification_id::bigint, :attempted_at::timestamptz, :attempt::int, :status_code::int,
        :error::text, :duration_ms::bigint, :succeeded::boolean);

-- name: WebhookAttempts
SELECT * FROM ${schema}.webhook_deliveries WHERE webhook_id = :webhook_id::uuid ORDER BY id DESC LIMIT :limit::int;

-- name: Preferences
SELECT * FROM ${schema}.notification_preferences
WHERE account_id = :account_id::text AND user_id = :user_id::text ORDER BY job_type;

-- name: PreferencesOfOwners
-- every choice of any of these accounts' users of these names (a superset of the owners asked; the caller picks)
SELECT * FROM ${schema}.notification_preferences
WHERE account_id = ANY(:account_ids::text[]) AND user_id = ANY(:user_ids::text[])
ORDER BY account_id, user_id, job_type;

-- name: DeletePreferences
DELETE FROM ${schema}.notification_preferences WHERE account_id = :account_id::text AND user_id = :user_id::text;

-- name: InsertPreference
INSERT INTO ${schema}.notification_preferences (account_id, user_id, job_type, channel)
VALUES (:account_id::text, :user_id::text, :job_type::text, :channel::text);

-- name: InsertOutboxMail
INSERT INTO ${schema}.mail_outbox (notification_id, account_id, user_id, recipient, subject, text_body, html_body, created_at)
VALUES (:notification_id::bigint, :account_id::text, :user_id::text, :recipient::text, :subject::text, :text_body::text,
        :html_body::text, :created_at::timestamptz)
ON CONFLICT (notification_id) DO NOTHING;

-- name: OutboxMails
SELECT * FROM ${schema}.mail_outbox
WHERE account_id = :account_id::text AND user_id = :user_id::text ORDER BY id DESC LIMIT :limit::int;

-- name: PruneWebhookLog
DELETE FROM ${schema}.webhook_deliveries WHERE attempted_at < :before::timestamptz;

-- name: PruneOutbox
DELETE FROM ${schema}.mail_outbox WHERE created_at < :before::timestamptz;
