package dev.longrun.store;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sqlite.SQLiteConnection;

/**
 * What clearing a kept statement's parameters between uses costs on SQLite (docs/benchmarks/http.md, "Sixth pass (branch
 * {@code reprepare})"): every named statement of the sqlite dialect, bound from its parameter names, used many times on
 * one connection in three ways, alternated: parameters cleared after each use (as {@link SqliteStatementCache} did),
 * only re-bound, and prepared afresh each time (what a re-prepare costs at most). CPU of the calling thread from
 * {@link ThreadMXBean}; writes are rolled back after each batch of uses. Not a test: run its {@code main} on the test
 * classpath with {@code [pending] [rounds] [calls] [name,...]}.
 */
public final class StatementRebindBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Set<String> TIMES = Set.of("now", "as_of", "before", "since", "lease_until", "created_at",
            "run_after", "next_attempt_at", "expires_at", "read_at", "attempted_at", "recorded_at", "timestamp",
            "cursor_sort_at");
    private static final Set<String> NUMBERS = Set.of("limit", "keep", "offset", "priority", "max_attempts", "attempt",
            "total_steps", "timeout_seconds", "status_code", "duration_ms", "steps", "cursor_rank", "current", "total",
            "estimated_duration_seconds", "succeeded", "attempted", "retryable", "cancellable");
    private static final Set<String> IDS = Set.of("id", "job_id", "cursor_id", "before_id", "depends_on", "retry_of",
            "waiting_for", "notification_id", "webhook_id");

    private final Instant now = Instant.parse("2026-11-29T12:00:00Z");
    private String jobId;
    private String jobType;
    private int use; // each use binds a later :now (as the product does), and a varying :limit with -Dvary.limit=N

    public static void main(String[] args) throws Exception {
        int pending = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Set<String> only = args.length > 3 ? Set.of(args[3].split(",")) : Set.of();
        try (HikariDataSource ds = EmbeddedDatabase.open(Files.createTempDirectory("rebind-bench").resolve("data"))) {
            SqlJobStore store = JobStores.create(ds, "ignored");
            store.migrate();
            new StatementRebindBench().run(ds, store, pending, rounds, calls, only);
        }
    }

    private void run(HikariDataSource ds, SqlJobStore store, int pending, int rounds, int calls, Set<String> only) throws Exception {
        List<NewJob> group = new ArrayList<>();
        for (int i = 0; i < pending; i++) {
            group.add(JobSpec.job().createdAt(now.minusSeconds(pending - i)).build());
            if (group.size() == 500 || i == pending - 1) {
                var outcomes = store.insertEach(group);
                jobId = outcomes.get(outcomes.size() - 1).job().id().toString();
                jobType = outcomes.get(0).job().type();
                group.clear();
            }
        }
        System.out.printf("%,d pending, %d calls per cell, load %s; µs of thread CPU per use: cleared / re-bound / prepared each time%n",
                pending, calls, load());
        try (Connection pooled = ds.getConnection()) {
            SQLiteConnection c = pooled.unwrap(SQLiteConnection.class);
            c.setAutoCommit(false);
            for (String file : List.of("queries.sql", "transitions.sql", "notifications.sql", "history.sql")) {
                NamedStatements statements = NamedStatements.load(Dialect.SQLITE, null, file);
                for (String name : statements.names()) {
                    if (only.isEmpty() || only.contains(name)) {
                        measure(c, statements.get(name), rounds, calls);
                    }
                }
            }
            c.rollback();
        }
    }

    private void measure(Connection c, NamedStatement statement, int rounds, int calls) throws SQLException {
        if (Boolean.getBoolean("plan")) {
            printPlan(c, statement);
        }
        StringBuilder row = new StringBuilder(String.format("%-28s", statement.name()));
        try {
            for (int round = 0; round < rounds; round++) {
                double cleared;
                double rebound;
                if (round % 2 == 0) {
                    cleared = cost(c, statement, calls, Mode.CLEARED);
                    rebound = cost(c, statement, calls, Mode.REBOUND);
                } else {
                    rebound = cost(c, statement, calls, Mode.REBOUND);
                    cleared = cost(c, statement, calls, Mode.CLEARED);
                }
                double fresh = cost(c, statement, calls, Mode.PREPARED);
                row.append(String.format(" | %5.0f / %5.0f / %5.0f", cleared, rebound, fresh));
            }
        } catch (SQLException | RuntimeException e) {
            row.append(" | failed: ").append(e.getMessage().lines().findFirst().orElse(""));
            c.rollback();
        }
        System.out.println(row);
    }

    /** The query plan SQLite chose (-Dplan=true), to check that a changed statement form kept it. */
    private void printPlan(Connection c, NamedStatement statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + statement.jdbcSql())) {
            List<String> names = statement.parameters();
            for (int i = 0; i < names.size(); i++) {
                ps.setObject(i + 1, value(names.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println("  plan: " + rs.getString("detail"));
                }
            }
        }
    }

    private enum Mode { CLEARED, REBOUND, PREPARED }

    private double cost(Connection c, NamedStatement statement, int calls, Mode mode) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement.jdbcSql());
        use(ps, statement); // warm
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
            if (mode == Mode.PREPARED) {
                ps.close();
                ps = c.prepareStatement(statement.jdbcSql());
            }
            use(ps, statement);
            if (mode == Mode.CLEARED) {
                ps.clearParameters();
            }
        }
        long spent = THREADS.getCurrentThreadCpuTime() - start;
        ps.close();
        c.rollback();
        return spent / 1000.0 / calls;
    }

    private void use(PreparedStatement ps, NamedStatement statement) throws SQLException {
        use++;
        List<String> names = statement.parameters();
        for (int i = 0; i < names.size(); i++) {
            ps.setObject(i + 1, value(names.get(i)));
        }
        if (ps.execute()) {
            try (ResultSet rs = ps.getResultSet()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
        }
    }

    private Object value(String name) {
        if (TIMES.contains(name)) {
            return now.toEpochMilli() + use;
        }
        if (name.equals("limit") && Integer.getInteger("vary.limit", 0) > 0) {
            return 1 + use % Integer.getInteger("vary.limit");
        }
        if (NUMBERS.contains(name)) {
            return name.equals("offset") ? 0 : 10;
        }
        if (IDS.contains(name)) {
            return jobId;
        }
        return switch (name) {
            case "status" -> "pending";
            case "queue" -> "default";
            case "type", "job_type" -> jobType;
            case "owner" -> "node-1";
            default -> name.endsWith("s") && !name.equals("params") && !name.equals("results") ? list(name) : "x";
        };
    }

    /** A JSON array of one element for a plural parameter (the statements read them with json_each). */
    private String list(String plural) {
        String singular = plural.endsWith("ies") ? plural.substring(0, plural.length() - 3) + "y"
                : plural.substring(0, plural.length() - 1);
        Object one = value(singular);
        return one instanceof String s ? "[\"" + s + "\"]" : "[" + one + "]";
    }

    private static String load() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
