package dev.longrun.history;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The timeline triggers on PostgreSQL (plpgsql functions in the test's schema). */
class PostgresJobHistoryTest extends JobHistoryContract {

    static PostgresSchema pg;

    @BeforeAll
    static void createSchema() {
        pg = PostgresSchema.create(PostgresJobHistoryTest.class);
    }

    @AfterAll
    static void dropSchema() {
        pg.close();
    }

    @Override
    DataSource dataSource() {
        return pg.dataSource();
    }

    @Override
    String schema() {
        return pg.name();
    }
}
