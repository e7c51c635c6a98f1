-- Statements QueueStandingBench compares with the store's QueueStanding (docs/BENCHMARKS.md, "Sixth pass"); not the product's.

-- name: Exact
-- QueueStanding before the sixth pass (and still PostgreSQL's): the first :limit + 1 jobs of the line compared with the job.
WITH me AS (SELECT priority, run_after, id FROM longrun_jobs
            WHERE id = :id AND status = 'pending' AND waiting_for IS NULL AND queue = :queue AND run_after <= :now),
     line AS (SELECT priority, run_after, id FROM longrun_jobs
              WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue AND run_after <= :now
              ORDER BY priority DESC, run_after, id
              LIMIT :limit + 1)
SELECT count(*) AS counted,
       coalesce(sum(l.priority > me.priority
                    OR (l.priority = me.priority AND (l.run_after < me.run_after
                                                      OR (l.run_after = me.run_after AND l.id < me.id)))), 0) AS ahead
FROM line l, me;

-- name: Bare
-- The line alone, counted to :limit + 1: what no standing can cost less than.
SELECT count(*) AS counted FROM (SELECT 1 FROM longrun_jobs
    WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue AND run_after <= :now LIMIT :limit + 1);
