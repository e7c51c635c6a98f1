package dev.longrun.spring.files;

import dev.longrun.spring.support.OnPostgres;

@OnPostgres
class PostgresResultsAndUploadsTest extends ResultsAndUploadsContract {
}
