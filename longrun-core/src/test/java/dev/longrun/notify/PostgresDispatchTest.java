package dev.longrun.notify;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The dispatcher on PostgreSQL (plpgsql function in the test's schema). */
class PostgresDispatchTest extends DispatchContract {

    static PostgresSchema pg;

    @BeforeAll
    static void createSchema() {
        pg = PostgresSchema.create(PostgresDispatchTest.class);
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
