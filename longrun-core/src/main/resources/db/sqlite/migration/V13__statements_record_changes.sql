-- PostgreSQL's V13 has the statements that change a job write its timeline row and notification, instead of triggers
-- that copied every updated row into transition tables. SQLite's triggers are per row, run in process and copy nothing,
-- so they stay; this version exists so both dialects keep the same migration versions.
SELECT 1;
