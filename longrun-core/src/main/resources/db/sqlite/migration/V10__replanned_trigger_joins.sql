-- PostgreSQL's V10 has its per-statement triggers plan their joins per call. SQLite's triggers are per row and join
-- nothing; this version exists so both dialects keep the same migration versions.
SELECT 1;
