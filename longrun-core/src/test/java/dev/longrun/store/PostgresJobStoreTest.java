package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract on the machine's PostgreSQL, in a fresh schema dropped after the class. */
class PostgresJobStoreTest extends JobStoreContract {

    private static PostgresSchema schema;
    private static SqlJobStore store;

    @BeforeAll
    static void createSchema() {
        schema = PostgresSchema.create(PostgresJobStoreTest.class, 20);
        store = JobStores.create(schema.dataSource(), schema.name());
        assertThat(store.dialect()).isEqualTo(Dialect.POSTGRESQL);
        store.migrate();
        store.migrate();
    }

    @AfterAll
    static void dropSchema() {
        schema.close();
    }

    @Override
    JobStore store() {
        return store;
    }

    @Override
    void wipe() {
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + schema.name() + ".jobs, " + schema.name() + ".job_logs, "
                    + schema.name() + ".job_items, " + schema.name() + ".job_files");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
