package dev.longrun.spring.sse;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteEventStreamTest extends EventStreamContract {
}
