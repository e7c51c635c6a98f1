package dev.longrun.bench.chaos;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The chaos run ({@code -Dbench=chaos}): N server nodes as separate processes on one PostgreSQL schema, thousands of
 * jobs of several types started through the HTTP API spread over the nodes, a random node killed with SIGKILL every
 * few seconds and started again, PostgreSQL taken away once in the middle; then it waits for quiet and counts, from the
 * database, what was lost or done twice. See {@link ChaosSettings} for the knobs and docs/BENCHMARKS.md for a run.
 */
public final class ChaosBenchmark {

    private ChaosBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ChaosSettings settings = ChaosSettings.fromSystemProperties();
        ChaosReport report = run(settings);
        System.out.println();
        System.out.print(report.markdown());
        System.out.println(report.failures().isEmpty() ? "\nNothing lost, nothing done twice." : "\nBROKEN: " + report.failures());
    }

    public static ChaosReport run(ChaosSettings s) throws Exception {
        if (!Files.isRegularFile(s.jar())) {
            throw new IllegalStateException("No server jar at " + s.jar().toAbsolutePath()
                    + "; build it with ./mvnw -q -pl longrun-server -am package -DskipTests");
        }
        long begin = System.nanoTime();
        String loadBefore = loadAverage();
        String schema = "chaos_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        URI pg = URI.create(s.jdbcUrl().substring("jdbc:".length()));
        Audit.execute(s.jdbcUrl(), s.user(), "CREATE SCHEMA " + schema);
        Path dataDir = Files.createTempDirectory("longrun-chaos-data");
        Path logDir = Files.createTempDirectory("longrun-chaos-logs");
        log("chaos: %d nodes, %d jobs over %d s, a kill every %d s, PostgreSQL outage: %s; schema %s, node logs in %s",
                s.nodes(), s.jobs(), s.load().toSeconds(), s.killEvery().toSeconds(), s.postgres(), schema, logDir);
        List<ServerNode> nodes = new ArrayList<>();
        try (PgProxy proxy = new PgProxy(pg.getPort())) {
            String nodeUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath() + "?currentSchema=" + schema;
            for (int i = 0; i < s.nodes(); i++) {
                nodes.add(new ServerNode(i + 1, s, nodeUrl, schema, dataDir, logDir));
            }
            nodes.get(0).start(ServerNode.STARTUP_LIMIT); // the first migrates and seeds contacts; the others join
            startAll(nodes.subList(1, nodes.size()));
            return drive(s, nodes, proxy, schema, begin, loadBefore);
        } finally {
            for (ServerNode n : nodes) {
                n.close();
            }
            if (!Boolean.getBoolean("chaos.keep")) {
                Audit.execute(s.jdbcUrl(), s.user(), "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static ChaosReport drive(ChaosSettings s, List<ServerNode> nodes, PgProxy proxy, String schema, long begin,
                                     String loadBefore) throws Exception {
        String user = "chaos-" + UUID.randomUUID().toString().substring(0, 8);
        ChaosClient client = new ChaosClient(nodes, user);
        Ledger ledger = new Ledger();
        Takeovers takeovers = new Takeovers(s.jdbcUrl(), s.user(), schema);
        Workload workload = new Workload(client, ledger, s.seed(), client.contactIds(300));
        int kills;
        String outage;
        try (PgObserver observer = new PgObserver(s.jdbcUrl(), s.user(), ledger);
             Tracker tracker = new Tracker(client, ledger, workload)) {
            Thread load = Thread.ofVirtual().name("chaos-load").start(() -> {
                try {
                    workload.run(s.jobs(), s.load().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Killer killer = new Killer(nodes, takeovers, new Random(s.seed()));
            outage = killer.run(load, s, proxy);
            kills = killer.kills();
            load.join();
            for (ServerNode n : nodes) {
                killer.awaitRestarted(n);
            }
            awaitQuiet(tracker, s.quietWithin());
        }
        try (Audit audit = new Audit(s.jdbcUrl(), s.user(), schema, user)) {
            List<Duration> waits = new ArrayList<>(takeovers.waits());
            waits.sort(null);
            Map<String, Integer> imports = new HashMap<>();
            workload.started.values().stream().filter(j -> j.type().equals("contacts.import")).forEach(j -> imports.put(j.id(), j.rows()));
            Map<String, Long> byStatus = audit.byStatus();
            long inDb = byStatus.values().stream().mapToLong(Long::longValue).sum();
            if (!workload.errors.isEmpty()) {
                log("client errors (first 5): %s", workload.errors.subList(0, Math.min(5, workload.errors.size())));
            }
            if (ledger.finishedTwice() > 0) {
                log("finished twice: %s", ledger.finishedTwiceIds());
            }
            return new ChaosReport(s.nodes(), kills, outage, workload.started.size(), inDb, byStatus,
                    audit.lost(Set.copyOf(workload.started.keySet())), ledger.finishedTwice(),
                    workload.duplicateStartsAnsweredWithAnotherJob.get(), workload.failedStarts.get(), audit.invitationsSent(),
                    audit.invitationsSentTwice(), audit.importRowsTwice(imports), ServerNode.rescuedInLogs(logDirOf(nodes)),
                    audit.reruns(), audit.rerunsOfJobsNotHeldByKilledNodes(takeovers.heldByKilledNodes()), waits.isEmpty() ? null : waits.get(waits.size() - 1), waits.isEmpty() ? null : waits.get(waits.size() / 2),
                    waits.size(), client.requests.get(), client.serverErrors.get(), client.connectionFailures.get(),
                    Duration.ofNanos(System.nanoTime() - begin), loadBefore, loadAverage());
        }
    }

    private static Path logDirOf(List<ServerNode> nodes) {
        return nodes.get(0).logDir();
    }

    private static void startAll(List<ServerNode> nodes) throws InterruptedException {
        List<Thread> starting = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (ServerNode n : nodes) {
            starting.add(Thread.ofVirtual().start(() -> {
                try {
                    n.start(ServerNode.STARTUP_LIMIT);
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : starting) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A node did not start", failures.get(0));
        }
    }

    private static void awaitQuiet(Tracker tracker, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && !tracker.open().isEmpty()) {
            Thread.sleep(500);
        }
        log("quiet: %d jobs not finished%s", tracker.open().size(), tracker.open().isEmpty() ? "" : " after " + limit.toSeconds() + " s");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("%s %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }
}
