-- Whether a retry of a failed item can succeed as it is (issue 11): false for a failure only a fix can cure ("No
-- email address"), so screens offer "fix and retry" or the CSV instead of a retry bound to fail again; true or null
-- (not said) for one worth retrying.
ALTER TABLE ${schema}.job_items ADD COLUMN retryable boolean;
