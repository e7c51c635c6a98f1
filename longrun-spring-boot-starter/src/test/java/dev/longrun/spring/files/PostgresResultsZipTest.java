package dev.longrun.spring.files;

import dev.longrun.spring.support.OnPostgres;

@OnPostgres
class PostgresResultsZipTest extends ResultsZipContract {
}
