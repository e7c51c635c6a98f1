-- Statements of the contacts feature (postgresql). Parameters are named (:account); :pattern is a
-- lower-case LIKE pattern with % and _ escaped by backslash ('%' matches everything).

-- name: count_all
SELECT count(*) FROM contacts WHERE account_id = :account

-- name: page_all
SELECT id, name, email, company, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at FROM contacts
WHERE account_id = :account AND id > :after
ORDER BY id
LIMIT :limit

-- name: count_matching
SELECT count(*) FROM contacts
WHERE account_id = :account
  AND (lower(name) LIKE :pattern ESCAPE '\' OR lower(coalesce(email, '')) LIKE :pattern ESCAPE '\'
       OR lower(coalesce(company, '')) LIKE :pattern ESCAPE '\')

-- name: page_matching
SELECT id, name, email, company, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at FROM contacts
WHERE account_id = :account AND id > :after
  AND (lower(name) LIKE :pattern ESCAPE '\' OR lower(coalesce(email, '')) LIKE :pattern ESCAPE '\'
       OR lower(coalesce(company, '')) LIKE :pattern ESCAPE '\')
ORDER BY id
LIMIT :limit

-- name: by_ids
SELECT id, name, email, company, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at FROM contacts
WHERE account_id = :account AND id IN (:ids)
ORDER BY id

-- name: update_email
-- A contact's address fixed by a person (e.g. before retrying the invitations that failed for want of one).
UPDATE contacts SET email = :email WHERE account_id = :account AND id = :id

-- name: existing_emails
SELECT lower(email) FROM contacts WHERE account_id = :account AND email IS NOT NULL

-- name: insert
-- :rows expands to one (account_id, name, email, company, import_job_id) tuple per contact: one statement per batch.
INSERT INTO contacts (account_id, name, email, company, import_job_id)
VALUES :rows
ON CONFLICT DO NOTHING

-- name: delete_imported_batch
DELETE FROM contacts WHERE id IN (
    SELECT id FROM contacts WHERE import_job_id = CAST(:import_job AS uuid) LIMIT :limit)

-- name: count_imported
SELECT count(*) FROM contacts WHERE import_job_id = CAST(:import_job AS uuid)
