-- Statements of SqliteStatementCacheTest only, on its table t.

-- name: PutPair
INSERT INTO t (k, v) VALUES (:k, :v);

-- name: ReadPair
SELECT v FROM t WHERE k = :k;
