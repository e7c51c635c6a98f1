-- NamedStatementsTest: a name that statement-cache-test.sql defines too.

-- name: PutPair
SELECT 1;
