package dev.longrun.notify;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** On PostgreSQL, in a schema of its own. */
class PostgresOutboxTest extends OutboxContract {

    static PostgresSchema pg;

    @BeforeAll
    static void createSchema() {
        pg = PostgresSchema.create(PostgresOutboxTest.class);
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
