-- The statements that change a job now write its timeline row (job_events) and its notification themselves, in a
-- data-modifying WITH of the same statement (db/postgresql/transitions.sql), instead of the per-statement triggers of
-- V5, V6 and V10. Same rows, same transaction, so a change is still recorded exactly once.
--
-- Why: an AFTER trigger with transition tables copies every updated row, old and new, into two tuplestores, calls a
-- PL/pgSQL function and plans its INSERT … SELECT on every call, for every UPDATE of jobs, also the heartbeats and
-- progress saves that record nothing. A statement knows the change it makes (the status it expects and the one it
-- sets), so it writes its rows without the copy, the join of old and new rows or the planning: a claim and a finish of
-- 256 jobs cost 9-12 % less database time this way (docs/benchmarks/scale.md, "Eleventh pass").
--
-- A job's first row (queued) is still written by the INSERT trigger of V6: three statements insert jobs, and a start
-- is not where the drain spends its time. The DELETE trigger of V9 stays too.
DROP TRIGGER jobs_record_changed ON ${schema}.jobs;
DROP FUNCTION ${schema}.record_jobs_changed();
DROP TRIGGER jobs_notify_outcomes ON ${schema}.jobs;
DROP FUNCTION ${schema}.notify_job_outcomes();
