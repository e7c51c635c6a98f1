package dev.longrun.spring.notify;

import dev.longrun.spring.support.OnPostgres;

@OnPostgres
class PostgresNotificationApiTest extends NotificationApiContract {
}
