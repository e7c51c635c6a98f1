package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.history.JobHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/** The contract on the embedded SQLite file, in a temporary data directory. */
class SqliteJobStoreTest extends JobStoreContract {

    private static Path dataDir;
    private static HikariDataSource dataSource;
    private static SqlJobStore store;

    @BeforeAll
    static void openDatabase() throws IOException {
        dataDir = Files.createTempDirectory("longrun-sqlite-test").resolve("data");
        dataSource = EmbeddedDatabase.open(dataDir);
        store = JobStores.create(dataSource, "ignored_on_sqlite");
        assertThat(store.dialect()).isEqualTo(Dialect.SQLITE);
        store.migrate();
        store.migrate();
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @Override
    JobStore store() {
        return store;
    }

    @Override
    JobHistory timeline() {
        return JobHistory.open(dataSource, "ignored_on_sqlite");
    }

    @Override
    void wipe() {
        for (String table : new String[] {"longrun_job_logs", "longrun_job_items", "longrun_job_files", "longrun_jobs", "longrun_estimate_shapes", "longrun_idempotency_keys"}) {
            execute("DELETE FROM " + table);
        }
    }

    @Test
    void theDatabaseIsOneWalFileInTheDataDirectory() {
        assertThat(dataDir.resolve(EmbeddedDatabase.FILE_NAME)).isRegularFile();
        assertThat(queryText("PRAGMA journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(queryText("PRAGMA foreign_keys")).isEqualTo("1");
        assertThat(Long.parseLong(queryText("PRAGMA busy_timeout"))).isGreaterThanOrEqualTo(10_000);
        try (Connection c = dataSource.getConnection()) {
            // Write transactions take the write lock at BEGIN, so they wait (busy_timeout) instead of failing midway.
            assertThat(c.unwrap(SQLiteConnection.class).getConnectionConfig().getTransactionMode())
                    .isEqualTo(SQLiteConfig.TransactionMode.IMMEDIATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSnapshotReadSeesOneMomentAndHoldsUpNoWrite() throws Exception {
        // The pool begins its transactions IMMEDIATE (the write lock): a snapshot begun through it held up every
        // write until the read was done, and a writer waiting behind a busy jobs list failed with SQLITE_BUSY.
        wipe();
        Database db = new Database(dataSource, NamedStatements.load(Dialect.SQLITE, null), new SqliteTypes(new JobJson()), true);
        Job job = store.insert(JobSpec.job().build()).job();
        List<String> seen = db.snapshot(c -> {
            String before = statusOf(db, c, job.id());
            try {
                java.util.concurrent.CompletableFuture.runAsync(() -> store.cancelPending(job.id(), StoreTests.NOW)).get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new AssertionError("the write during the snapshot failed", e);
            }
            return List.of(before, statusOf(db, c, job.id()));
        });

        assertThat(seen).as("both reads of the snapshot").containsExactly("pending", "pending");
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(dev.longrun.JobStatus.CANCELLED);
    }

    private static String statusOf(Database db, Connection c, UUID id) {
        return db.query(c, "FindJob", Params.of("id", id), rs -> rs.getString("status")).getFirst();
    }

    @Test
    void storesSharingOneDatabaseWriteWithoutBusyErrors() throws Exception {
        SqlJobStore other = JobStores.create(dataSource, null);
        int threads = 16;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SqlJobStore s = t % 2 == 0 ? store : other;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        Job job = s.insert(JobSpec.job().build()).job();
                        s.claim(new ClaimRequest(java.util.Set.of("default"), 2, "node", JobSpec.T0, JobSpec.T0.plusSeconds(30)));
                        s.cancelPending(job.id(), JobSpec.T0);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(Long.parseLong(queryText("SELECT count(*) FROM longrun_jobs"))).isEqualTo(threads * 25L);
        wipe();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsAClearError() throws IOException {
        Path file = Files.createTempFile("longrun-not-a-dir", ".txt");
        assertThatThrownBy(() -> EmbeddedDatabase.open(file.resolve("data")))
                .hasMessageContaining("Cannot create the data directory");
    }

    @Test
    void queueStandingReadsOnlyTheCountedPartOfAHundredThousandJobLine() throws SQLException {
        wipe();
        try {
            // 100,000 pending jobs among 133,333 (every fourth finished), in three priorities.
            execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 133333)"
                    + " INSERT INTO longrun_jobs (id, type, queue, priority, status, created_at, updated_at, run_after, max_attempts, completed_at)"
                    + " SELECT printf('%08x-0000-4000-8000-%012x', abs(random()) % 4294967296, n), 'bulk', 'bulk', n % 3,"
                    + " CASE WHEN n % 4 = 0 THEN 'succeeded' ELSE 'pending' END, 0, 0, 1767225600000 + n, 3,"
                    + " CASE WHEN n % 4 = 0 THEN 1767225600000 END FROM g");
            execute("ANALYZE");
            String ranked = "SELECT id, row_number() OVER (ORDER BY priority DESC, run_after, id) rn FROM longrun_jobs WHERE status = 'pending'";
            UUID front = UUID.fromString(queryText("SELECT id FROM (" + ranked + ") WHERE rn = 700"));
            // The 50,000th in claim order: picked by its id, a random job would stand in the counted first 1,000 one run in 100.
            UUID middle = UUID.fromString(queryText("SELECT id FROM (" + ranked + ") WHERE rn = 50000"));
            assertQueueStandingIsCounted("SQLite", front, 700, middle);

            // The line is read along the queue's part of its own index, in claim order, so the LIMIT ends the read.
            List<String> plan = standingPlan(middle);
            assertThat(plan).as("%s", plan).anyMatch(step -> step.contains("USING INDEX longrun_jobs_queue_line_idx (queue=?)"))
                    .noneMatch(step -> step.startsWith("SCAN longrun_jobs") || step.contains("TEMP B-TREE"));
        } finally {
            wipe(); // a failure must not leave 133,333 rows to the next test
        }
    }

    private static List<String> standingPlan(UUID id) throws SQLException {
        NamedStatement standing = NamedStatements.load(Dialect.SQLITE, null).get("QueueStanding");
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("EXPLAIN QUERY PLAN " + standing.jdbcSql())) {
            for (int i = 0; i < standing.parameters().size(); i++) {
                switch (standing.parameters().get(i)) {
                    case "id" -> ps.setString(i + 1, id.toString());
                    case "queue" -> ps.setString(i + 1, "bulk");
                    case "now" -> ps.setLong(i + 1, 1769904000000L);
                    case "limit" -> ps.setInt(i + 1, QueueStanding.COUNTED);
                    default -> throw new AssertionError("QueueStanding takes " + standing.parameters());
                }
            }
            List<String> steps = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(rs.getString("detail"));
                }
            }
            return steps;
        }
    }

    private static void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String queryText(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
