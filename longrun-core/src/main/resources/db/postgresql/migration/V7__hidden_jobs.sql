-- "Clear finished" hides a person's finished jobs from their list instead of deleting them (issue 11): the job,
-- its result file, items, logs and notifications stay until retention removes the job, and the list's History
-- view (GET /api/jobs?history=true) still shows it. Null while the job is shown in the list.
ALTER TABLE ${schema}.jobs ADD COLUMN hidden_at timestamptz;
