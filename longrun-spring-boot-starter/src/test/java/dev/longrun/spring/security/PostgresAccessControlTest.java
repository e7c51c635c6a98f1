package dev.longrun.spring.security;

import dev.longrun.spring.support.OnPostgres;

@OnPostgres
class PostgresAccessControlTest extends AccessControlContract {
}
