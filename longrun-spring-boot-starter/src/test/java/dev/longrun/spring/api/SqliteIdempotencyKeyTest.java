package dev.longrun.spring.api;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteIdempotencyKeyTest extends IdempotencyKeyContract {
}
