package dev.longrun.runtime;

import dev.longrun.LongrunBuilder;
import dev.longrun.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The engine on the machine's PostgreSQL, in a schema of this class's own. */
class PostgresEngineTest extends EngineContract {

    static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(PostgresEngineTest.class, 30);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Override
    LongrunBuilder store(LongrunBuilder builder) {
        return builder.dataSource(schema.dataSource()).schema(schema.name());
    }
}
