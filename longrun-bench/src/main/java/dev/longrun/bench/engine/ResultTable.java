package dev.longrun.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints the engine benchmark's figures as Markdown tables, ready to paste into docs/BENCHMARKS.md. */
final class ResultTable {

    static final double TARGET_JOBS_PER_SECOND = 25_000;
    static final double TARGET_VS_JOBRUNR = 5;
    static final double TARGET_VS_DB_SCHEDULER = 2;
    static final double TARGET_P50_MILLIS = 5;
    static final double TARGET_P99_MILLIS = 25;
    /** "A few database writes per second" for one job's progress. */
    static final double TARGET_PROGRESS_WRITES_PER_SECOND = 5;

    private final BenchSettings s;

    ResultTable(BenchSettings s) {
        this.s = s;
    }

    void printHeader() {
        System.out.printf(Locale.ROOT, "Engine benchmark: %,d no-op jobs per drain; machine: %d cores (%s), load average at start %s; %s; Java %s%n%n",
                s.jobs(), Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage(), postgresVersion(),
                System.getProperty("java.version"));
    }

    void print(List<DrainResult> ours, DrainResult jobRunr, DrainResult dbScheduler,
               PickupLatency.Result pickup, List<ProgressCoalescing.Result> progress) {
        Optional<DrainResult> best = ours.stream().filter(DrainResult::ok)
                .max(Comparator.comparingDouble(DrainResult::jobsPerSecond));
        double bestRate = best.map(DrainResult::jobsPerSecond).orElse(Double.NaN);

        System.out.println("| drain of pre-inserted no-op jobs | setting | load at start | pre-insert | drain | jobs/s | Longrun best ÷ this |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (DrainResult r : ours) {
            drainRow(r, bestRate);
        }
        drainRow(jobRunr, bestRate);
        drainRow(dbScheduler, bestRate);
        System.out.println();
        for (DrainResult r : java.util.stream.Stream.of(ours.stream().findFirst().orElse(null), jobRunr, dbScheduler).toList()) {
            if (r != null && r.insertedBy() != null) {
                System.out.println("- " + r.system() + " jobs pre-inserted with " + r.insertedBy());
            }
        }

        System.out.println();
        System.out.println("| figure | measured | target | met |");
        System.out.println("|---|---:|---:|---|");
        if (!ours.isEmpty()) {
            target("Longrun drain throughput (best)", best.map(r -> fmt("%,.0f jobs/s", r.jobsPerSecond())).orElse("n/a"),
                    "≥ 25,000 jobs/s", bestRate >= TARGET_JOBS_PER_SECOND, bestRate);
        }
        ratio("Longrun ÷ JobRunr", bestRate, jobRunr, TARGET_VS_JOBRUNR);
        ratio("Longrun ÷ db-scheduler", bestRate, dbScheduler, TARGET_VS_DB_SCHEDULER);
        for (PickupLatency.Result p : pickup == null ? List.<PickupLatency.Result>of() : List.of(pickup)) {
            String at = " (concurrency " + p.concurrency() + ", " + p.sortedMillis().length + " samples)";
            if (p.error() != null) {
                System.out.println("| pickup latency" + at + " | failed: " + p.error() + " | | no |");
                continue;
            }
            double p50 = p.percentile(50);
            double p99 = p.percentile(99);
            target("pickup latency p50" + at, fmt("%.2f ms", p50), "≤ 5 ms", p50 <= TARGET_P50_MILLIS, p50);
            target("pickup latency p99" + at, fmt("%.2f ms", p99), "≤ 25 ms", p99 <= TARGET_P99_MILLIS, p99);
        }
        for (ProgressCoalescing.Result p : progress) {
            String how = p.paceSeconds() == 0 ? "flat out" : fmt("paced over %.0f s", p.paceSeconds());
            if (p.error() != null) {
                System.out.println("| progress, " + how + " | failed: " + p.error() + " | | no |");
                continue;
            }
            System.out.printf(Locale.ROOT, "| ctx.progress calls, %s | %,.0f calls/s (%,d calls in %.2f s) | cheap | — |%n",
                    how, p.callsPerSecond(), p.calls(), p.loopSeconds());
            // Under a second of calls, a rate would overstate one write: judge the count against one second's allowance.
            double allowance = TARGET_PROGRESS_WRITES_PER_SECOND * Math.max(1, p.loopSeconds());
            target(fmt("database writes for those %,d calls", p.calls()),
                    fmt("%d %s in %.2f s", p.writes(), p.writes() == 1 ? "write" : "writes", p.loopSeconds())
                            + (p.loopSeconds() >= 1 ? fmt(" = %.1f writes/s", p.writesPerSecond()) : ""),
                    "a few per second", p.writes() <= allowance, p.writes());
        }
        System.out.printf(Locale.ROOT, "%nLoad average at end: %s%n", loadAverage());
    }

    private void drainRow(DrainResult r, double bestRate) {
        if (r == null) {
            return;
        }
        if (!r.ok()) {
            System.out.printf(Locale.ROOT, "| %s | %s | | | | failed: %s | |%n", r.system(), r.setting(), r.error());
            return;
        }
        double ratio = bestRate / r.jobsPerSecond();
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f s | %.2f s | %,.0f | %s |%n", r.system(), r.setting(),
                r.loadAtStart(), r.insertSeconds(), r.drainSeconds(), r.jobsPerSecond(), Double.isNaN(ratio) ? "—" : fmt("%.2f×", ratio));
    }

    private static void ratio(String name, double bestRate, DrainResult peer, double target) {
        if (peer == null) {
            return;
        }
        double ratio = bestRate / peer.jobsPerSecond();
        target(name, Double.isNaN(ratio) ? "n/a" : fmt("%.2f×", ratio), fmt("≥ %.0f×", target), ratio >= target, ratio);
    }

    private static void target(String name, String measured, String target, boolean met, double value) {
        String verdict = Double.isNaN(value) ? "n/a" : met ? "yes" : "no";
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", name, measured, target, verdict);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }

    private String postgresVersion() {
        try (Connection c = DriverManager.getConnection(s.url(), s.user(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        } catch (Exception e) {
            return "PostgreSQL unreachable (" + e.getMessage() + ")";
        }
    }
}
