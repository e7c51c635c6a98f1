-- Statements QueueStandingBench compares with the store's QueueStanding (docs/BENCHMARKS.md, "Sixth pass"); not the product's.

-- name: Exact
-- QueueStanding before the sixth pass (and still PostgreSQL's): the first :limit + 1 jobs of the line compared with the job.
WITH me AS (SELECT priority, run_after, id FROM ${schema}.jobs
            WHERE id = :id::uuid AND status = 'pending' AND waiting_for IS NULL AND queue = :queue::text
              AND run_after <= :now::timestamptz),
     line AS (SELECT priority, run_after, id FROM ${schema}.jobs
              WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue::text AND run_after <= :now::timestamptz
              ORDER BY priority DESC, run_after, id
              LIMIT :limit::int + 1)
SELECT count(*) AS counted,
       count(*) FILTER (WHERE l.priority > me.priority
                           OR (l.priority = me.priority AND (l.run_after < me.run_after
                                                             OR (l.run_after = me.run_after AND l.id < me.id)))) AS ahead
FROM line l, me;

-- name: Bare
-- The line alone, counted to :limit + 1: what no standing can cost less than.
SELECT count(*) AS counted FROM (SELECT 1 FROM ${schema}.jobs
    WHERE status = 'pending' AND waiting_for IS NULL AND queue = :queue::text AND run_after <= :now::timestamptz
    LIMIT :limit::int + 1) line;

-- name: Counts
-- SQLite's QueueStanding (bare counts of index ranges) written for PostgreSQL, to compare.
WITH me AS (SELECT priority, run_after, id FROM ${schema}.jobs
            WHERE id = :id::uuid AND status = 'pending' AND waiting_for IS NULL AND queue = :queue::text AND run_after <= :now::timestamptz),
     b AS MATERIALIZED (
       SELECT me.priority, me.run_after, me.id,
              (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.priority = me.priority AND j.run_after = me.run_after AND j.id > me.id LIMIT 100) s)
            + (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.priority = me.priority AND j.run_after > me.run_after AND j.run_after <= :now::timestamptz LIMIT 100) s)
            + (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.priority < me.priority AND j.run_after <= :now::timestamptz LIMIT 100) s) AS behind
       FROM me)
SELECT b.behind, (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.run_after <= :now::timestamptz LIMIT :limit::int + 101) s) AS counted,
       CASE WHEN b.behind >= 100 THEN
              (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.priority > b.priority AND j.run_after <= :now::timestamptz LIMIT :limit::int + 1) s)
            + (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.priority = b.priority AND j.run_after < b.run_after LIMIT :limit::int + 1) s)
            + (SELECT count(*) FROM (SELECT 1 FROM ${schema}.jobs j WHERE j.status = 'pending' AND j.waiting_for IS NULL AND j.queue = :queue::text AND j.priority = b.priority AND j.run_after = b.run_after AND j.id < b.id LIMIT :limit::int + 1) s) END AS ahead
FROM b;
