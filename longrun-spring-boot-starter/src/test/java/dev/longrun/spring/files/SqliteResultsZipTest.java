package dev.longrun.spring.files;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteResultsZipTest extends ResultsZipContract {
}
