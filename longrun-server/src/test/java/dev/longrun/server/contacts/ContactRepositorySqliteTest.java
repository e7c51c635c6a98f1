package dev.longrun.server.contacts;

import dev.longrun.server.testing.SqliteFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ContactRepositorySqliteTest extends ContactRepositoryContract {

    static SqliteFile db;

    @BeforeAll
    static void open() {
        db = SqliteFile.create();
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Override
    protected DataSource dataSource() {
        return db.dataSource();
    }
}
