package dev.longrun.bench.chaos;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long the jobs of a killed node wait before another node takes them: at each kill, the jobs the node held
 * (running, its lease owner) are noted; then their new start (started_at of the next claim) is watched for. The wait
 * is from the kill to that start: lease expiry plus the rescue interval plus the claim.
 */
final class Takeovers {

    private final String url;
    private final String user;
    private final String schema;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Set<UUID> heldByKilled = ConcurrentHashMap.newKeySet();
    private volatile int orphans;

    Takeovers(String url, String user, String schema) {
        this.url = url;
        this.user = user;
        this.schema = schema;
    }

    /** The ids of the running jobs whose lease the node named {@code owner} (a prefix) holds. */
    Set<UUID> heldBy(String owner) throws SQLException {
        Set<UUID> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
             PreparedStatement ps = c.prepareStatement("SELECT id FROM " + schema + ".jobs WHERE status = 'running' AND lease_owner LIKE ?")) {
            ps.setString(1, owner + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** Watches (on its own thread) until every job of the kill ran again elsewhere or ended, for at most {@code limit}. */
    void watch(Set<UUID> ids, Instant killedAt, String deadOwner, Duration limit) {
        heldByKilled.addAll(ids);
        if (ids.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("chaos-takeover").start(() -> {
            Set<UUID> waiting = new HashSet<>(ids);
            long deadline = System.nanoTime() + limit.toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                try (Connection c = DriverManager.getConnection(url, user, "");
                     PreparedStatement ps = c.prepareStatement("SELECT id, status, lease_owner, started_at, completed_at FROM " + schema
                             + ".jobs WHERE id = ANY(?)")) {
                    Array array = c.createArrayOf("uuid", waiting.toArray());
                    ps.setArray(1, array);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            java.util.Optional<Duration> wait = takenOver(rs, killedAt, deadOwner);
                            if (wait.isPresent()) {
                                waits.add(wait.get());
                                waiting.remove(id);
                            }
                        }
                    }
                } catch (SQLException e) {
                    // the outage; try again
                }
                sleep(100);
            }
            orphans += waiting.size();
        });
    }

    private static java.util.Optional<Duration> takenOver(ResultSet rs, Instant killedAt, String deadOwner) throws SQLException {
        String owner = rs.getString("lease_owner");
        Timestamp started = rs.getTimestamp("started_at");
        boolean newRun = started != null && started.toInstant().isAfter(killedAt) && (owner == null || !owner.startsWith(deadOwner + "-"));
        if (newRun) {
            return java.util.Optional.of(Duration.between(killedAt, started.toInstant()));
        }
        Timestamp completed = rs.getTimestamp("completed_at");
        if (completed != null && completed.toInstant().isAfter(killedAt)) {
            return java.util.Optional.of(Duration.between(killedAt, completed.toInstant())); // failed by the rescuer
        }
        return java.util.Optional.empty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every job a node held when it was killed: the re-runs a kill explains. */
    Set<UUID> heldByKilledNodes() {
        return Set.copyOf(heldByKilled);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    int orphans() {
        return orphans;
    }
}
