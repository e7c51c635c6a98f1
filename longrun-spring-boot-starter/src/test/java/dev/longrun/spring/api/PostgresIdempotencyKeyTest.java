package dev.longrun.spring.api;

import dev.longrun.spring.support.OnPostgres;

@OnPostgres
class PostgresIdempotencyKeyTest extends IdempotencyKeyContract {
}
