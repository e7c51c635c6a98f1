package dev.longrun.spring.api;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteJobActionsTest extends JobActionsContract {
}
