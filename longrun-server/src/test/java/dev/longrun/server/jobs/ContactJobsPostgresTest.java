package dev.longrun.server.jobs;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ContactJobsPostgresTest extends ContactJobsContract {

    static PostgresSchema schema;

    @BeforeAll
    static void open() {
        schema = PostgresSchema.create(ContactJobsPostgresTest.class);
    }

    @AfterAll
    static void close() {
        schema.close();
    }

    @Override
    protected DataSource dataSource() {
        return schema.dataSource();
    }
}
