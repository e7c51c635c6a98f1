-- Statements of the local outbox (postgresql).

-- name: insert
-- A repeat for the same job and recipient (the job ran again after a crash) writes nothing.
INSERT INTO outbox_messages (account_id, user_id, job_id, recipient, subject, body)
VALUES (:account, :user, CAST(:job AS uuid), :recipient, :subject, :body)
ON CONFLICT DO NOTHING

-- name: list_for_user
SELECT id, job_id, recipient, subject, body, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at FROM outbox_messages
WHERE account_id = :account AND user_id = :user
ORDER BY id DESC
LIMIT :limit
