package dev.longrun.spring.notify;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteNotificationApiTest extends NotificationApiContract {
}
