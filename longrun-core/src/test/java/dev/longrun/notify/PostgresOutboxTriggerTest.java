package dev.longrun.notify;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The trigger on PostgreSQL (plpgsql function in the test's schema). */
class PostgresOutboxTriggerTest extends OutboxTriggerContract {

    static PostgresSchema pg;

    @BeforeAll
    static void createSchema() {
        pg = PostgresSchema.create(PostgresOutboxTriggerTest.class);
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
