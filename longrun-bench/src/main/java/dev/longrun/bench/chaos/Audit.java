package dev.longrun.bench.chaos;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Counts read straight from PostgreSQL after the run: the truth the clients' view is checked against. */
final class Audit implements AutoCloseable {

    private final Connection c;
    private final String schema;
    private final String user;

    Audit(String url, String dbUser, String schema, String user) throws SQLException {
        this.c = DriverManager.getConnection(url, dbUser, "");
        this.schema = schema;
        this.user = user;
    }

    Map<String, Long> byStatus() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM " + schema + ".jobs WHERE user_id = ? GROUP BY status")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Started jobs that are not in a final state, or not in the database at all. */
    long lost(Collection<String> started) throws SQLException {
        long finished = count("SELECT count(*) FROM " + schema + ".jobs WHERE id = ANY(?) AND status IN ('succeeded', 'failed', 'cancelled')", started);
        return started.size() - finished;
    }

    long reruns() throws SQLException {
        return scalar("SELECT coalesce(sum(GREATEST(attempt - 1, 0)), 0) FROM " + schema + ".jobs WHERE user_id = ?", user);
    }

    /**
     * Re-runs of jobs no killed node held: retries after the PostgreSQL outage, or a live node that lost its lease
     * (heartbeats late on a starved machine), which is what a too-short lease costs.
     */
    long rerunsOfJobsNotHeldByKilledNodes(Set<UUID> heldByKilled) throws SQLException {
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, attempt FROM " + schema + ".jobs WHERE user_id = ? AND attempt > 1")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!heldByKilled.contains(rs.getObject(1, UUID.class))) {
                        n += rs.getInt(2) - 1;
                    }
                }
            }
        }
        return n;
    }

    long invitationsSent() throws SQLException {
        return scalar("SELECT count(*) FROM " + schema + ".outbox_messages WHERE user_id = ?", user);
    }

    /** Extra copies of an invitation: more than one outbox message for one job and recipient. */
    long invitationsSentTwice() throws SQLException {
        return scalar("SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM " + schema
                + ".outbox_messages WHERE user_id = ? GROUP BY job_id, lower(recipient) HAVING count(*) > 1) d", user);
    }

    /** Contacts an import job added beyond the rows of its file. */
    long importRowsTwice(Map<String, Integer> rowsByImport) throws SQLException {
        long extra = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT import_job_id::text, count(*) FROM " + schema
                + ".contacts WHERE import_job_id = ANY(?) GROUP BY import_job_id")) {
            ps.setArray(1, c.createArrayOf("uuid", rowsByImport.keySet().stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    extra += Math.max(0, rs.getLong(2) - rowsByImport.get(rs.getString(1)));
                }
            }
        }
        return extra;
    }

    private long count(String sql, Collection<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long scalar(String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
