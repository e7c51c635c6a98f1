package dev.longrun.spring.files;

import dev.longrun.spring.support.OnSqlite;

@OnSqlite
class SqliteResultsAndUploadsTest extends ResultsAndUploadsContract {
}
