-- A job's place in line (QueueStanding) read from one queue's part of the line, in claim order: the claim index
-- (priority, run_after, id) has no queue column, so counting one queue's jobs read every pending job's row to learn
-- its queue (a start over HTTP spent most of its time there, docs/BENCHMARKS.md "Where a start over HTTP waits").
-- With the queue first, the count is a range of this index alone, and it stops after the first 1,001 entries.
CREATE INDEX longrun_jobs_queue_line_idx ON longrun_jobs (queue, priority DESC, run_after, id)
    WHERE status = 'pending' AND waiting_for IS NULL;
