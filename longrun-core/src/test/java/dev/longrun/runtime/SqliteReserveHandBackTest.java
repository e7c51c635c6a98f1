package dev.longrun.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.store.EmbeddedDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

/** The reserve's hand-back on the embedded store: two nodes on one SQLite file in the test's data dir. */
class SqliteReserveHandBackTest extends ReserveHandBackContract {

    private HikariDataSource embedded;

    @Override
    DataSource dataSource() {
        if (embedded == null) {
            embedded = EmbeddedDatabase.open(dataDir.resolve("db"));
        }
        return embedded;
    }

    @Override
    String schema() {
        return "longrun";
    }

    @AfterEach
    void closeDatabase() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
