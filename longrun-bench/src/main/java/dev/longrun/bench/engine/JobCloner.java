package dev.longrun.bench.engine;

import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Pre-inserts pending no-op jobs for our drain in exactly the shape {@code Longrun.start} writes them:
 * one job is started through the API (workers off), and the rest are copies of its row made by one
 * {@code INSERT … SELECT … generate_series} that changes only the id and the idempotency key. The
 * columns are read from the migrated table, so the copy follows the store's schema as it changes.
 * If the start wrote rows anywhere else (so a copy of the jobs row alone would not be a real job),
 * the jobs are started through the API instead, in parallel.
 */
final class JobCloner {

    private static final int API_THREADS = 16;

    private JobCloner() {
    }

    /** @return how the jobs were inserted, for the result table */
    static String preInsert(DataSource ds, BenchDatabase db, int jobs) throws Exception {
        try (Longrun api = NoopJobs.builder(ds, db.schema()).runWorkers(false).register(NoopJobs.type(() -> { })).build()) {
            StartResult template = api.start(NoopJobs.TYPE, Map.of(), options("template"));
            List<String> otherTables = tablesWithRowsBesidesJobs(ds, db.schema());
            if (!otherTables.isEmpty()) {
                startThroughApi(api, jobs - 1);
                return "Longrun.start x" + API_THREADS + " threads (start also writes " + otherTables + ")";
            }
            copyRow(ds, db.schema(), template.job().id(), jobs - 1);
            return "one INSERT … SELECT generate_series copying a job made by Longrun.start";
        }
    }

    private static StartOptions options(String key) {
        return StartOptions.forUser("bench", "bench").idempotencyKey("bench-" + key);
    }

    private static void copyRow(DataSource ds, String schema, UUID templateId, int copies) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                     + "WHERE table_schema = ? AND table_name = 'jobs' ORDER BY ordinal_position")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    columns.add('"' + column + '"');
                    values.add(switch (column) {
                        case "id" -> "uuid".equals(rs.getString(2)) ? "gen_random_uuid()" : "gen_random_uuid()::text";
                        case "idempotency_key" -> "t.idempotency_key || '-' || g";
                        default -> "t.\"" + column + '"';
                    });
                }
            }
            if (!columns.contains("\"id\"")) {
                throw new IllegalStateException("Table " + schema + ".jobs has no id column; cannot copy jobs");
            }
            String sql = "INSERT INTO " + schema + ".jobs (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM " + schema + ".jobs t CROSS JOIN generate_series(1, ?) g WHERE t.id = ?";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                insert.setInt(1, copies);
                insert.setObject(2, templateId);
                insert.executeUpdate();
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    /** Tables of the schema that hold rows after one start, other than jobs and Flyway's history. */
    private static List<String> tablesWithRowsBesidesJobs(DataSource ds, String schema) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = ? AND table_type = 'BASE TABLE' AND table_name <> 'jobs' "
                     + "AND table_name NOT LIKE 'flyway%'")) {
            ps.setString(1, schema);
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (PreparedStatement any = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + schema + ".\"" + table + "\")");
                     ResultSet rs = any.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        found.add(table);
                    }
                }
            }
        }
        return found;
    }

    private static void startThroughApi(Longrun api, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(API_THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < API_THREADS; t++) {
                int thread = t;
                parts.add(pool.submit(() -> {
                    for (int i = thread; i < count; i += API_THREADS) {
                        api.start(NoopJobs.TYPE, Map.of(), options(Integer.toString(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
