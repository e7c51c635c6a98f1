package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.lang.ref.WeakReference;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/** Statements kept per SQLite connection: reused while clean, dropped when they fail or their connection closes. */
class SqliteStatementCacheTest {

    private static final String READ = "SELECT v FROM t WHERE k = ?";

    private HikariDataSource dataSource;
    private final SqliteStatementCache cache = new SqliteStatementCache();

    @BeforeEach
    void openDatabase() throws Exception {
        dataSource = EmbeddedDatabase.open(Files.createTempDirectory("longrun-statement-cache").resolve("data"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
            s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
        }
    }

    @AfterEach
    void closeDatabase() {
        dataSource.close();
    }

    @Test
    void aStatementGivenBackIsTheOneTheConnectionsNextUseGets() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement first = cache.take(c, READ);
            assertThat(read(first, 1)).isEqualTo("one");
            cache.giveBack(c, READ, first, false);
            PreparedStatement second = cache.take(c, READ);
            assertThat(second).isSameAs(first);
            assertThat(read(second, 2)).isEqualTo("two");
            cache.giveBack(c, READ, second, false);
            assertThat(cache.kept(c)).isEqualTo(1);
        }
    }

    @Test
    void aStatementKeptBetweenLoansSeesWritesMadeInBetween() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement ps = cache.take(c, READ);
            assertThat(read(ps, 1)).isEqualTo("one");
            cache.giveBack(c, READ, ps, false);
            try (Connection writer = dataSource.getConnection(); Statement s = writer.createStatement()) {
                s.execute("UPDATE t SET v = 'uno' WHERE k = 1");
            }
            PreparedStatement again = cache.take(c, READ);
            assertThat(read(again, 1)).isEqualTo("uno");
            cache.giveBack(c, READ, again, false);
        }
    }

    @Test
    void aStatementTakenTwiceBeforeItIsGivenBackIsTwoStatements() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement outer = cache.take(c, READ);
            PreparedStatement inner = cache.take(c, READ);
            assertThat(inner).isNotSameAs(outer);
            assertThat(read(inner, 2)).isEqualTo("two");
            cache.giveBack(c, READ, inner, false);
            cache.giveBack(c, READ, outer, false);
            assertThat(outer.isClosed()).isTrue();
            assertThat(cache.take(c, READ)).isSameAs(inner);
        }
    }

    @Test
    void theShelvesOfConnectionsThePoolClosedAreDropped() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            cache.giveBack(c, READ, cache.take(c, READ), false);
        }
        dataSource.getHikariPoolMXBean().softEvictConnections(); // idle connections are closed at once
        Connection fresh = null;
        for (int i = 0; i < 50 && fresh == null; i++) {
            Connection c = dataSource.getConnection();
            if (cache.kept(c) == 0) {
                fresh = c;
            } else {
                c.close();
            }
        }
        assertThat(fresh).as("a connection the pool opened after the eviction").isNotNull();
        try (Connection c = fresh) {
            cache.giveBack(c, READ, cache.take(c, READ), false);
            assertThat(cache.connections()).isEqualTo(1);
        }
    }

    @Test
    void theDatabaseKeepsOneStatementPerConnectionAndNoValueOfOneCallReachesTheNext() throws Exception {
        Database db = database();
        db.write(c -> db.update(c, "PutPair", Params.of("k", 3).set("v", "three")));
        try (Connection c = dataSource.getConnection()) {
            assertThat(db.query(c, "ReadPair", Params.of("k", 3), rs -> rs.getString(1))).containsExactly("three");
            int kept = db.statementCache().kept(c);
            assertThat(kept).isPositive();
            assertThat(db.query(c, "ReadPair", Params.of("k", 4), rs -> rs.getString(1))).isEmpty();
            assertThat(db.query(c, "ReadPair", Params.of("k", 3), rs -> rs.getString(1))).containsExactly("three");
            assertThat(db.statementCache().kept(c)).isEqualTo(kept);
        }
    }

    @Test
    void writesGoThroughAfterFailedOnes() throws Exception {
        Database db = database();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> db.write(c -> db.update(c, "PutPair", Params.of("k", 1).set("v", "again"))))
                    .hasStackTraceContaining("UNIQUE");
        }
        Integer written = db.write(c -> db.update(c, "PutPair", Params.of("k", 5).set("v", "five")));
        assertThat(written).isEqualTo(1);
        List<String> read = db.read(c -> db.query(c, "ReadPair", Params.of("k", 5), rs -> rs.getString(1)));
        assertThat(read).containsExactly("five");
    }

    @Test
    void readsGoThroughAfterOneThatLackedAParameter() {
        Database db = database();
        assertThatThrownBy(() -> db.read(c -> db.query(c, "ReadPair", Params.of("key", 1), rs -> rs.getString(1))))
                .hasMessageContaining(":k");
        List<String> read = db.read(c -> db.query(c, "ReadPair", Params.of("k", 2), rs -> rs.getString(1)));
        assertThat(read).containsExactly("two");
    }

    @Test
    void aStatementGivenBackIsNotCompiledAgainForItsNextUse() throws Exception {
        Database db = database();
        try (Connection c = dataSource.getConnection()) {
            assertThat(db.query(c, "LatestPairs", Params.of("limit", 1), rs -> rs.getString(1))).containsExactly("two");
            try (var noCompiling = new NoCompiling(c)) {
                assertThat(db.query(c, "LatestPairs", Params.of("limit", 1), rs -> rs.getString(1))).containsExactly("two");
            }
        }
    }

    @Test
    void theNodesClaimIsNotCompiledAgainWhenItsLimitChanges() throws Exception {
        JobStores.create(dataSource, "ignored").migrate();
        Database db = new Database(dataSource, NamedStatements.load(Dialect.SQLITE, null), new SqliteTypes(new JobJson()), true);
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        Params claim = Params.of("owner", "node-1").set("lease_until", now.plusSeconds(30)).set("now", now)
                .set("queues", SqlList.of(SqlList.Type.TEXT, List.of("default")));
        try (Connection c = dataSource.getConnection()) {
            assertThat(db.query(c, "ClaimJobs", claim.set("limit", 1), rs -> rs.getString("id"))).isEmpty();
            try (var noCompiling = new NoCompiling(c)) {
                assertThat(db.query(c, "ClaimJobs", claim.set("limit", 2), rs -> rs.getString("id"))).isEmpty();
            }
        }
    }

    @Test
    void aStatementGivenBackHoldsNoLargeValueItWasBound() throws Exception {
        Database db = database();
        try (Connection c = dataSource.getConnection()) {
            WeakReference<String> large = putLargeValue(db, c);
            for (int i = 0; i < 10 && large.get() != null; i++) {
                System.gc();
            }
            assertThat(large.get()).as("the value bound to the statement kept for the connection").isNull();
            assertThat(db.statementCache().kept(c)).isEqualTo(1);
        }
    }

    /** The large value's only strong references are in this frame and in the statement's bindings. */
    private static WeakReference<String> putLargeValue(Database db, Connection c) {
        String value = "v".repeat(SqliteStatementCache.KEPT_VALUE_LENGTH * 100) + System.nanoTime();
        db.update(c, "PutPair", Params.of("k", 9).set("v", value));
        return new WeakReference<>(value);
    }

    /**
     * While open, SQLite cannot compile the connection's statements (they are longer than it allows), so a statement
     * that is compiled again for its next use fails: SQLite's count of re-prepares is not reachable through the driver.
     */
    private static final class NoCompiling implements AutoCloseable {
        private final SQLiteConnection connection;
        private final int allowed;

        NoCompiling(Connection pooled) throws SQLException {
            connection = pooled.unwrap(SQLiteConnection.class);
            allowed = connection.getDatabase().limit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH.getId(), -1); // -1 reads it
            connection.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, 10);
        }

        @Override
        public void close() throws SQLException {
            connection.setLimit(SQLiteLimits.SQLITE_LIMIT_SQL_LENGTH, allowed);
        }
    }

    private Database database() {
        return new Database(dataSource, NamedStatements.load(Dialect.SQLITE, null, "statement-cache-test.sql"),
                new SqliteTypes(new JobJson()), true);
    }

    private static String read(PreparedStatement ps, int key) throws SQLException {
        ps.setInt(1, key);
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
