-- PostgreSQL's V5 turns its outbox trigger from per row into per statement. SQLite has only per-row triggers, and its
-- outbox trigger (V2) stays as it is; this version exists so both dialects keep the same migration versions.
SELECT 1;
