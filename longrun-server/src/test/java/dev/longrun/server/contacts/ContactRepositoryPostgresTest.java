package dev.longrun.server.contacts;

import dev.longrun.testing.PostgresSchema;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ContactRepositoryPostgresTest extends ContactRepositoryContract {

    static PostgresSchema schema;

    @BeforeAll
    static void open() {
        schema = PostgresSchema.create(ContactRepositoryPostgresTest.class);
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
