package dev.longrun.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.testing.PostgresSchema;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What a queue standing costs at store level (docs/benchmarks/http.md, "Sixth pass (branch `standing`)"): one thread, a line of pending jobs
 * of one queue, the standing of jobs at several places in it asked many times; CPU time of the calling thread from
 * {@link ThreadMXBean} and, on PostgreSQL, of the server process serving the one pooled connection. Not a test: run
 * its {@code main} on the test classpath with {@code sqlite|postgresql [pending] [rounds] [calls]}.
 */
public final class QueueStandingBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Instant BASE = Instant.parse("2026-11-29T10:00:00Z");

    private final Dialect dialect;
    private final DataSource dataSource;
    private final SqlJobStore store;
    private final Database variants;
    private final Instant now;
    private int backendPid;

    private QueueStandingBench(Dialect dialect, DataSource dataSource, String schema, Instant now) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.store = JobStores.create(dataSource, schema);
        SqlTypes types = dialect == Dialect.POSTGRESQL ? new PostgresTypes() : new SqliteTypes(new JobJson());
        NamedStatements statements = NamedStatements.load(dialect, dialect == Dialect.POSTGRESQL ? Migrations.quote(schema) : null, "standing-bench.sql");
        this.variants = new Database(dataSource, statements, types, dialect == Dialect.SQLITE);
        this.now = now;
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "sqlite";
        int pending = args.length > 1 ? Integer.parseInt(args[1]) : 1_500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        int calls = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        Instant now = BASE.plusSeconds(3_600);
        if (which.equals("postgresql")) {
            try (PostgresSchema schema = PostgresSchema.create(QueueStandingBench.class, 2)) {
                JobStores.create(schema.dataSource(), schema.name()).migrate();
                // One connection, so one server process serves every call and its CPU can be read from /proc.
                com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
                config.setJdbcUrl(schema.jdbcUrl());
                config.setUsername(PostgresSchema.USER);
                config.setMaximumPoolSize(1);
                try (HikariDataSource one = new HikariDataSource(config)) {
                    new QueueStandingBench(Dialect.POSTGRESQL, one, schema.name(), now).run(pending, rounds, calls);
                }
            }
        } else {
            Path dir = Files.createTempDirectory("standing-bench").resolve("data");
            try (HikariDataSource ds = EmbeddedDatabase.open(dir)) {
                JobStores.create(ds, "ignored").migrate();
                new QueueStandingBench(Dialect.SQLITE, ds, "ignored", now).run(pending, rounds, calls);
            }
        }
    }

    private void run(int pending, int rounds, int calls) throws SQLException {
        List<Job> line = seed(pending);
        analyze();
        backendPid = dialect == Dialect.POSTGRESQL ? backendPid() : 0;
        Map<String, Job> places = new LinkedHashMap<>();
        places.put("last", line.get(pending - 1));
        places.put("10 behind", line.get(pending - 11));
        places.put("99 behind", line.get(pending - 100));
        places.put("100 behind", line.get(pending - 101));
        places.put("500 behind", line.get(pending - 501));
        places.put("5th", line.get(4));
        Map<String, java.util.function.Function<Job, QueueStanding>> ways = new LinkedHashMap<>();
        ways.put("exact", this::exact);
        ways.put("store", job -> store.queueStanding(job, now, QueueStanding.COUNTED));
        if (dialect == Dialect.POSTGRESQL) {
            ways.put("counts", job -> standing("Counts", job));
        }
        ways.put("bare", job -> { bare(job); return null; });
        String only = System.getProperty("ways");
        if (only != null) {
            ways.keySet().retainAll(List.of(only.split(",")));
        }
        for (var place : places.entrySet()) {
            QueueStanding expected = exact(place.getValue());
            for (var way : ways.entrySet()) {
                QueueStanding got = way.getValue().apply(place.getValue());
                if (got != null && !got.equals(expected)) {
                    throw new AssertionError(way.getKey() + " at " + place.getKey() + ": " + got + ", exact " + expected);
                }
            }
            System.out.printf("%-10s %s%n", place.getKey(), expected);
        }
        System.out.printf("%s, %,d pending, %d calls per cell; µs per call: client thread CPU / server CPU / wall%n", dialect, pending, calls);
        for (int round = 1; round <= rounds; round++) {
            StringBuilder row = new StringBuilder("round " + round + " (load " + load() + ")\n");
            for (var place : places.entrySet()) {
                row.append(String.format("  %-10s", place.getKey()));
                for (var way : ways.entrySet()) {
                    Job job = place.getValue();
                    double[] cost = measure(calls, () -> way.getValue().apply(job));
                    row.append(String.format(" | %s %5.0f / %4.0f / %5.0f", way.getKey(), cost[0], cost[1], cost[2]));
                }
                row.append('\n');
            }
            System.out.print(row);
        }
    }

    /** Jobs of one queue and priority, each a millisecond after the last, with time-ordered ids: the claim order. */
    private List<Job> seed(int pending) {
        List<Job> line = new ArrayList<>();
        List<NewJob> group = new ArrayList<>();
        for (int i = 0; i < pending; i++) {
            Instant at = BASE.plusMillis(i);
            JobSpec spec = JobSpec.job().id(timeOrdered(at, i)).createdAt(at);
            group.add(spec.build());
            if (group.size() == 500 || i == pending - 1) {
                store.insertEach(group).forEach(o -> line.add(o.job()));
                group.clear();
            }
        }
        return line;
    }

    private static UUID timeOrdered(Instant at, int counter) {
        long high = ((at.toEpochMilli()) << 16) | 0x7000L | (counter & 0x0FFF);
        long low = (new java.util.Random(counter).nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private Params params(Job job) {
        return Params.of("id", job.id()).set("queue", job.queue()).set("now", now).set("limit", QueueStanding.COUNTED);
    }

    private QueueStanding exact(Job job) {
        List<int[]> rows = variants.read(c -> variants.query(c, "Exact", params(job), rs -> new int[] {rs.getInt("counted"), rs.getInt("ahead")}));
        int[] counts = rows.get(0);
        return counts[0] == 0 ? null : QueueStanding.counted(counts[0], counts[1], QueueStanding.COUNTED);
    }

    private int bare(Job job) {
        return variants.read(c -> variants.query(c, "Bare", params(job), rs -> rs.getInt("counted"))).get(0);
    }

    private QueueStanding standing(String statement, Job job) {
        int limit = QueueStanding.COUNTED;
        List<Integer[]> rows = variants.read(c -> variants.query(c, statement, params(job),
                rs -> new Integer[] {rs.getInt("behind"), rs.getInt("counted"), rs.getObject("ahead") == null ? null : rs.getInt("ahead")}));
        if (rows.isEmpty()) {
            return null;
        }
        int behind = rows.get(0)[0];
        int counted = rows.get(0)[1];
        Integer ahead = rows.get(0)[2];
        if (ahead != null) {
            return QueueStanding.counted(counted, ahead, limit);
        }
        return QueueStanding.counted(Math.min(counted, limit + 1), counted - 1 - behind, limit);
    }

    /** µs per call: this thread's CPU, the PostgreSQL backend's CPU (0 on SQLite), wall. */
    private double[] measure(int calls, Supplier<?> call) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long server0 = serverCpuNanos();
        long wall0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.get();
        }
        long wall = System.nanoTime() - wall0;
        long server = serverCpuNanos() - server0;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
        return new double[] {cpu / 1e3 / calls, server / 1e3 / calls, wall / 1e3 / calls};
    }

    /** PostgreSQL's statistics, as autovacuum would leave them; the product never analyzes its SQLite file. */
    private void analyze() throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("ANALYZE");
        }
    }

    private int backendPid() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** utime + stime of the backend from /proc, in ns (clock ticks of 10 ms: good over a few hundred calls only). */
    private long serverCpuNanos() {
        if (backendPid == 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + backendPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static String load() {
        try {
            return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(1).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
