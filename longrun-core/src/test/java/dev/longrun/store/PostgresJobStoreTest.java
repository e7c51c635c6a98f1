package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.LongrunException;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.event.JobEvent;
import dev.longrun.history.JobHistory;
import dev.longrun.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.ds.PGSimpleDataSource;

/** The contract on the machine's PostgreSQL, in a fresh schema dropped after the class; plus NOTIFY and outages. */
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
    JobHistory timeline() {
        return JobHistory.open(schema.dataSource(), schema.name());
    }

    @Override
    void wipe() {
        execute("TRUNCATE " + schema.name() + ".jobs, " + schema.name() + ".job_logs, "
                + schema.name() + ".job_items, " + schema.name() + ".job_files, " + schema.name() + ".estimate_shapes, " + schema.name() + ".idempotency_keys CASCADE"); // CASCADE: notifications (V2) reference jobs
    }

    @Test
    void announceNotifiesListenersOnTheLongrunChannel() throws SQLException {
        List<JobEvent> events = List.of(new JobEvent(UUID.randomUUID(), 3, "acme", "ann", JobStatus.RUNNING),
                new JobEvent(UUID.randomUUID(), 4, "acme", "bob", JobStatus.SUCCEEDED));
        assertThat(store.notifyChannel()).isEqualTo("longrun_jobs");

        assertThat(heardWhenAnnounced(events)).isEqualTo(events);
    }

    @Test
    void aBatchOfManyPayloadsIsHeardWholeAndInOrderWithOddNames() throws SQLException {
        // 1,200 events make a dozen payloads, sent in one statement; names hold what array literals and the
        // separator of payloads would trip on.
        List<JobEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            events.add(new JobEvent(UUID.randomUUID(), i, "acme,{\"eu\"}\\" + i, "ann\u001e" + i, JobStatus.SUCCEEDED));
        }

        assertThat(heardWhenAnnounced(events)).isEqualTo(events);
    }

    /** Announces {@code events} and returns those of them a listener on the channel heard, in the order heard. */
    private List<JobEvent> heardWhenAnnounced(List<JobEvent> events) throws SQLException {
        try (Connection listener = schema.dataSource().getConnection(); Statement s = listener.createStatement()) {
            s.execute("LISTEN \"" + store.notifyChannel() + "\"");

            store.announce(events);

            List<JobEvent> heard = new ArrayList<>();
            // Until a deadline, not a number of reads: another process announcing on the channel (a bench) fills reads.
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
            while (heard.size() < events.size() && System.nanoTime() < deadline) {
                for (PGNotification n : listener.unwrap(PGConnection.class).getNotifications(100)) {
                    // Other schemas on this database (other test classes) use the same channel.
                    NotifyPayload.decode(n.getParameter()).stream().filter(events::contains).forEach(heard::add);
                }
            }
            return heard;
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedIsReportedAsStoreUnavailable() {
        PGSimpleDataSource down = new PGSimpleDataSource();
        down.setURL("jdbc:postgresql://127.0.0.1:1/test");
        down.setConnectTimeout(2);

        assertThatThrownBy(() -> JobStores.create(down, "longrun"))
                .isInstanceOf(LongrunException.class)
                .satisfies(e -> assertThat(((LongrunException) e).code()).isEqualTo("store_unavailable"));
        SqlJobStore cut = new SqlJobStore(Dialect.POSTGRESQL, down, "longrun", new JobJson());
        assertThatThrownBy(() -> cut.find(UUID.randomUUID()))
                .satisfies(e -> assertThat(((LongrunException) e).code()).isEqualTo("store_unavailable"))
                .hasMessageContaining("cannot be reached");
        assertThatThrownBy(cut::migrate)
                .satisfies(e -> assertThat(((LongrunException) e).code()).isEqualTo("store_unavailable"));
    }

    @Test
    void aStatementErrorNamesTheStatement() {
        Job job = store.insert(JobSpec.job().build()).job();
        assertThatThrownBy(() -> store.insert(JobSpec.job().id(job.id()).type(null).build()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("InsertJob");
    }

    @Test
    void queueStandingReadsOnlyTheCountedPartOfAHundredThousandJobLine() throws SQLException {
        wipe();
        try {
            // 100,000 pending jobs among 133,333 (every fourth finished), in three priorities.
            execute("INSERT INTO " + schema.name() + ".jobs (id, type, queue, priority, status, created_at, updated_at, run_after, max_attempts, completed_at)"
                    + " SELECT gen_random_uuid(), 'bulk', 'bulk', g % 3, CASE WHEN g % 4 = 0 THEN 'succeeded' ELSE 'pending' END,"
                    + " timestamptz '2026-01-01', timestamptz '2026-01-01', timestamptz '2026-01-01' + g * interval '1 millisecond', 3,"
                    + " CASE WHEN g % 4 = 0 THEN timestamptz '2026-01-01' END FROM generate_series(1, 133333) g");
            execute("ANALYZE " + schema.name() + ".jobs");
            String ranked = "SELECT id, row_number() OVER (ORDER BY priority DESC, run_after, id) rn FROM " + schema.name() + ".jobs WHERE status = 'pending'";
            UUID front = UUID.fromString(queryText("SELECT id::text FROM (" + ranked + ") x WHERE rn = 700"));
            // The 50,000th in claim order: picked by its id, a random job would stand in the counted first 1,000 one run in 100.
            UUID middle = UUID.fromString(queryText("SELECT id::text FROM (" + ranked + ") x WHERE rn = 50000"));
            assertQueueStandingIsCounted("PostgreSQL", front, 700, middle);

            // The line is read along the queue's part of its own index, in claim order, and the LIMIT ends the read.
            List<String> plan = standingPlan(middle);
            String lineScan = plan.stream().filter(l -> l.contains("using jobs_queue_line_idx")).findFirst()
                    .orElseThrow(() -> new AssertionError("the line is not read along jobs_queue_line_idx:\n" + String.join("\n", plan)));
            java.util.regex.Matcher rows = java.util.regex.Pattern.compile("actual time=\\S+ rows=(\\d+)").matcher(lineScan);
            assertThat(rows.find()).as(lineScan).isTrue();
            assertThat(Long.parseLong(rows.group(1))).as(String.join("\n", plan)).isEqualTo(QueueStanding.COUNTED + 1);
            assertThat(plan).as(String.join("\n", plan)).noneMatch(l -> l.contains("Seq Scan") || l.contains("Sort"));
        } finally {
            wipe(); // a failure must not leave 133,333 rows to the next test
        }
    }

    private static List<String> standingPlan(UUID id) throws SQLException {
        NamedStatement standing = NamedStatements.load(Dialect.POSTGRESQL, Migrations.quote(schema.name())).get("QueueStanding");
        try (Connection c = schema.dataSource().getConnection(); var ps = c.prepareStatement("EXPLAIN (ANALYZE) " + standing.jdbcSql())) {
            for (int i = 0; i < standing.parameters().size(); i++) {
                switch (standing.parameters().get(i)) {
                    case "id" -> ps.setObject(i + 1, id);
                    case "queue" -> ps.setString(i + 1, "bulk");
                    case "now" -> ps.setObject(i + 1, java.time.OffsetDateTime.parse("2026-02-01T00:00:00Z"));
                    case "limit" -> ps.setInt(i + 1, QueueStanding.COUNTED);
                    default -> throw new AssertionError("QueueStanding takes " + standing.parameters());
                }
            }
            List<String> lines = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            return lines;
        }
    }

    private static String queryText(String sql) {
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql) {
        try (Connection c = schema.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
