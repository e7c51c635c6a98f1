-- A node claims jobs ahead of its free workers and hands back those that waited too long for one (WorkerPool,
-- UnclaimJobs). The claim overwrites started_at and heartbeat_at; it keeps their old values here, so the hand-back
-- restores the job exactly as it was: null before a first attempt, the last attempt's times before a retry.
ALTER TABLE longrun_jobs ADD COLUMN started_at_before_claim INTEGER;
ALTER TABLE longrun_jobs ADD COLUMN heartbeat_at_before_claim INTEGER;
