package dev.longrun.notify;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.store.EmbeddedDatabase;
import javax.sql.DataSource;

/** The dispatcher on the embedded store. */
class SqliteDispatchTest extends DispatchContract {

    private HikariDataSource db;

    @Override
    DataSource dataSource() {
        if (db == null) {
            db = EmbeddedDatabase.open(dataDir);
        }
        return db;
    }

    @Override
    String schema() {
        return "longrun";
    }

    @Override
    void closeDataSource() {
        db.close();
    }
}
