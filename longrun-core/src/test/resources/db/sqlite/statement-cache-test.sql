-- Statements of SqliteStatementCacheTest only, on its table t.

-- name: PutPair
INSERT INTO t (k, v) VALUES (:k, :v);

-- name: ReadPair
SELECT v FROM t WHERE k = :k;

-- name: LatestPairs
-- A bare LIMIT parameter: SQLite plans with its value, so clearing it (or binding another) expires the statement.
SELECT v FROM t ORDER BY k DESC LIMIT :limit;
