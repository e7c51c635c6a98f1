package dev.longrun.runtime;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The reserve's hand-back on the machine's PostgreSQL, two nodes in a schema of this class's own. */
class PostgresReserveHandBackTest extends ReserveHandBackContract {

    static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(PostgresReserveHandBackTest.class, 20);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Override
    DataSource dataSource() {
        return schema.dataSource();
    }

    @Override
    String schema() {
        return schema.name();
    }
}
