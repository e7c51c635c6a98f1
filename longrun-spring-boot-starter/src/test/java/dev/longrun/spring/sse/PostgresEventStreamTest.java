package dev.longrun.spring.sse;

import dev.longrun.spring.support.OnPostgres;

@OnPostgres
class PostgresEventStreamTest extends EventStreamContract {
}
