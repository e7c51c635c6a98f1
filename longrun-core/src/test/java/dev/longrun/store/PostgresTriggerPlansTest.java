package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.longrun.testing.PostgresSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-statement triggers (timeline, outbox) join the statement's old and new rows. A plan kept from a first change
 * of one job made every later batch on that connection compare each new row with each old one (a finish of 1,000 jobs:
 * 640-800 ms instead of about 70, docs/benchmarks/scale.md "Third pass: drain"); V10 plans each call. This test makes the same change
 * of one job first, then of 400 on the same connection, and reads the plans of the triggers' queries (auto_explain,
 * sent to the client as LOG messages): no nested loop over the transition tables, and every job still gets exactly one
 * timeline row and one notification per change.
 */
class PostgresTriggerPlansTest {

    static PostgresSchema pg;

    @BeforeAll
    static void createSchema() {
        pg = PostgresSchema.create(PostgresTriggerPlansTest.class, 2);
        JobStores.create(pg.dataSource(), pg.name()).migrate();
    }

    @AfterAll
    static void dropSchema() {
        pg.close();
    }

    @Test
    void aBatchAfterASingleJobIsNotJoinedByANestedLoop() throws SQLException {
        String jobs = pg.name() + ".jobs";
        try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + jobs + " (id, account_id, user_id, type, queue, status, created_at, updated_at, run_after,"
                    + " max_attempts) SELECT gen_random_uuid(), 'acme', 'alice', 't', 'default', 'pending', now(), now(), now(), 1"
                    + " FROM generate_series(1, 401)");
            assumeTrue(loadAutoExplain(s), "auto_explain cannot be loaded on this server");

            List<String> plans = new ArrayList<>();
            plans.addAll(change(s, jobs, "pending", "running", 1));
            plans.addAll(change(s, jobs, "pending", "running", 400));
            plans.addAll(change(s, jobs, "running", "succeeded", 1));
            List<String> batch = change(s, jobs, "running", "succeeded", 400);
            plans.addAll(batch);

            List<String> triggerPlans = batch.stream().filter(p -> p.contains("changed_rows_new")).toList();
            assertThat(triggerPlans).as("plans of the timeline and outbox queries of the 400-job batch").hasSize(2)
                    .allSatisfy(p -> assertThat(p).doesNotContain("Nested Loop"));
            assertThat(plans).isNotEmpty();

            s.execute("SET client_min_messages = notice");
            assertThat(count(s, "SELECT count(DISTINCT job_id) FROM " + pg.name() + ".job_events WHERE status = 'succeeded'")).isEqualTo(401);
            assertThat(count(s, "SELECT count(*) FROM " + pg.name() + ".job_events WHERE status = 'succeeded'")).isEqualTo(401);
            assertThat(count(s, "SELECT count(*) FROM " + pg.name() + ".job_events WHERE status = 'running'")).isEqualTo(401);
            assertThat(count(s, "SELECT count(DISTINCT job_id) FROM " + pg.name() + ".notifications")).isEqualTo(401);
            assertThat(count(s, "SELECT count(*) FROM " + pg.name() + ".notifications")).isEqualTo(401);
        }
    }

    private static boolean loadAutoExplain(Statement s) {
        try {
            s.execute("LOAD 'auto_explain'");
            s.execute("SET auto_explain.log_min_duration = 0");
            s.execute("SET auto_explain.log_nested_statements = on");
            s.execute("SET client_min_messages = log");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Moves {@code count} jobs from one status to another in one statement; returns the plans logged meanwhile. */
    private static List<String> change(Statement s, String jobs, String from, String to, int count) throws SQLException {
        s.clearWarnings();
        s.executeUpdate("UPDATE " + jobs + " SET status = '" + to + "', version = version + 1, updated_at = now()"
                + (to.equals("running") ? ", attempt = attempt + 1, started_at = now()" : ", completed_at = now()")
                + " WHERE id IN (SELECT id FROM " + jobs + " WHERE status = '" + from + "' ORDER BY id LIMIT " + count + ")");
        List<String> plans = new ArrayList<>();
        for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
            plans.add(w.getMessage());
        }
        return plans;
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
