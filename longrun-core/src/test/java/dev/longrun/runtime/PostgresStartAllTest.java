package dev.longrun.runtime;

import dev.longrun.LongrunBuilder;
import dev.longrun.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** startAll and grouped starts on the machine's PostgreSQL, in a schema of this class's own. */
class PostgresStartAllTest extends StartAllContract {

    static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(PostgresStartAllTest.class, 10);
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
