package dev.longrun.spring.security;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteAccessControlTest extends AccessControlContract {
}
