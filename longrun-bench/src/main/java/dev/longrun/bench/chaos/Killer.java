package dev.longrun.bench.chaos;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The chaos itself, while jobs are being started: every few seconds (±30 %) a random live node gets SIGKILL and is
 * started again at once (as a supervisor would), always leaving at least one node up; once, halfway, PostgreSQL goes
 * away for a few seconds.
 */
final class Killer {

    private final List<ServerNode> nodes;
    private final Takeovers takeovers;
    private final Random random;
    private int kills;

    Killer(List<ServerNode> nodes, Takeovers takeovers, Random random) {
        this.nodes = nodes;
        this.takeovers = takeovers;
        this.random = random;
    }

    int kills() {
        return kills;
    }

    /** Kills until {@code load} ends; returns what the PostgreSQL outage was. */
    String run(Thread load, ChaosSettings s, PgProxy proxy) throws Exception {
        long begin = System.nanoTime();
        String outage = "none (chaos.postgres=none)";
        boolean outageDone = s.postgres().equals("none");
        while (load.isAlive()) {
            long every = s.killEvery().toMillis();
            load.join(Duration.ofMillis(every * 7 / 10 + (long) (random.nextDouble() * every * 6 / 10)));
            if (!load.isAlive()) {
                break;
            }
            if (!outageDone && System.nanoTime() - begin > s.load().toNanos() / 2) {
                outage = outage(s, proxy);
                outageDone = true;
                continue;
            }
            killOne();
        }
        return outage;
    }

    private void killOne() throws Exception {
        List<ServerNode> live = nodes.stream().filter(ServerNode::healthy).toList();
        if (live.size() < 2) {
            return; // keep one node up: a whole-cluster outage is not what this measures
        }
        ServerNode victim = live.get(random.nextInt(live.size()));
        String name = victim.nodeName();
        Set<UUID> held = takeovers.heldBy(name);
        Instant killedAt = Instant.now();
        victim.kill();
        kills++;
        ChaosBenchmark.log("SIGKILL %s (held %d running jobs)", name, held.size());
        takeovers.watch(held, killedAt, name, Duration.ofMinutes(6));
        Thread.ofVirtual().name("chaos-restart").start(() -> {
            try {
                victim.start(ServerNode.STARTUP_LIMIT);
            } catch (Exception e) {
                ChaosBenchmark.log("restart of node failed: %s", e.getMessage());
            }
        });
    }

    private static String outage(ChaosSettings s, PgProxy proxy) throws IOException, InterruptedException {
        if (s.postgres().equals("restart")) {
            ChaosBenchmark.log("restarting PostgreSQL: %s", s.restartCommand());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c", s.restartCommand()).inheritIO().start();
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("Restarting PostgreSQL failed: " + s.restartCommand());
            }
            return String.format("server restarted (%.1f s)", (System.nanoTime() - t0) / 1e9);
        }
        ChaosBenchmark.log("PostgreSQL unreachable for %d s (proxy drops and refuses connections)", s.outage().toSeconds());
        proxy.cut();
        Thread.sleep(s.outage().toMillis());
        proxy.restore();
        return "every connection dropped, refused for " + s.outage().toSeconds() + " s";
    }

    /**
     * Waits until {@code n} answers again (its restart may still be under way). A node whose process ended by itself,
     * e.g. one that exited during its restart, will not come back: that ends the run at once, with the exit code and
     * the end of the node's log, instead of after {@link ServerNode#STARTUP_LIMIT}.
     */
    void awaitRestarted(ServerNode n) throws InterruptedException {
        long deadline = System.nanoTime() + ServerNode.STARTUP_LIMIT.toNanos();
        while (!n.healthy() && System.nanoTime() < deadline) {
            String exited = n.exitedByItself();
            if (exited != null) {
                throw new IllegalStateException(exited);
            }
            Thread.sleep(200);
        }
    }
}
