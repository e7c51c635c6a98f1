package dev.longrun.s3;

import dev.longrun.LongrunBuilder;
import dev.longrun.testing.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** S3 result files with jobs on the machine's PostgreSQL, in a schema of this class's own. */
class S3ResultsPostgresTest extends S3ResultStoreContract {

    static PostgresSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(S3ResultsPostgresTest.class);
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Override
    LongrunBuilder database(LongrunBuilder builder) {
        return builder.dataSource(schema.dataSource()).schema(schema.name());
    }
}
