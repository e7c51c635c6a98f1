package dev.longrun.bench.scale;

import dev.longrun.bench.engine.DrainResult;
import java.util.List;
import java.util.Locale;

/** Prints the scale benchmark's figures as Markdown tables for docs/BENCHMARKS.md, with each target's ratio. */
final class ScaleTable {

    static final double TARGET_SHARE_OF_RAW = 0.5;
    static final double TARGET_VS_DB_SCHEDULER = 2;
    static final double TARGET_SINGLE_STARTS = 5_000;
    static final double TARGET_BATCH_STARTS = 20_000;

    private final ScaleSettings s;

    ScaleTable(ScaleSettings s) {
        this.s = s;
    }

    void print(List<RawLimit.Result> raw, List<DrainResult> ours, List<DrainResult> peers, List<StartRate.Result> starts) {
        double limit = raw.stream().filter(r -> r.error() == null).mapToDouble(RawLimit.Result::jobsPerSecond).max().orElse(Double.NaN);
        if (!raw.isEmpty()) {
            System.out.println("Raw limit: a minimal jobs table, claim a batch + mark it succeeded (the engine's two statements), no engine");
            System.out.println();
            System.out.println("| loops | batch | load at start | drain | jobs/s |");
            System.out.println("|---:|---:|---:|---:|---:|");
            for (RawLimit.Result r : raw) {
                System.out.println(r.error() != null ? fmt("| %d | %d | %s | failed: %s | |", r.threads(), r.batch(), r.loadAtStart(), r.error())
                        : fmt("| %d | %d | %s | %.2f s | %,.0f |", r.threads(), r.batch(), r.loadAtStart(), r.seconds(), r.jobsPerSecond()));
            }
            System.out.println();
        }
        if (!ours.isEmpty() || !peers.isEmpty()) {
            System.out.println(fmt("Drain of %,d jobs made by Longrun.start() (raw limit of this run: %,.0f jobs/s)", s.jobs(), limit));
            System.out.println();
            System.out.println("| workers | Longrun jobs/s (load) | ÷ raw limit | db-scheduler 16.12 jobs/s, same threads (load) | Longrun ÷ db-scheduler | targets (≥ 50 %, ≥ 2×) |");
            System.out.println("|---:|---:|---:|---:|---:|---|");
            for (int i = 0; i < s.concurrencies().size(); i++) {
                DrainResult o = i < ours.size() ? ours.get(i) : null;
                DrainResult p = i < peers.size() ? peers.get(i) : null;
                double ourRate = rate(o);
                double share = ourRate / limit;
                double vs = ourRate / rate(p);
                System.out.println(fmt("| %d | %s | %s | %s | %s | %s |", s.concurrencies().get(i), cell(o), pct(share), cell(p),
                        Double.isNaN(vs) ? "—" : fmt("%.2f×", vs), met(share >= TARGET_SHARE_OF_RAW, share) + ", " + met(vs >= TARGET_VS_DB_SCHEDULER, vs)));
            }
            System.out.println();
        }
        if (!starts.isEmpty()) {
            System.out.println("| starting jobs (API-only node, distinct idempotency keys) | starts | load at start | time | starts/s | target |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            for (StartRate.Result r : starts) {
                double target = r.how().contains("startAll") ? TARGET_BATCH_STARTS : TARGET_SINGLE_STARTS;
                System.out.println(r.error() != null ? fmt("| %s | %,d | %s | failed: %s | | |", r.how(), r.starts(), r.loadAtStart(), r.error())
                        : fmt("| %s | %,d | %s | %.2f s | %,.0f | ≥ %,.0f: %s |", r.how(), r.starts(), r.loadAtStart(), r.seconds(),
                        r.perSecond(), target, met(r.perSecond() >= target, r.perSecond())));
            }
            System.out.println();
        }
    }

    private static double rate(DrainResult r) {
        return r == null || !r.ok() ? Double.NaN : r.jobsPerSecond();
    }

    private static String cell(DrainResult r) {
        if (r == null) {
            return "—";
        }
        return r.ok() ? fmt("%,.0f (%s)", r.jobsPerSecond(), r.loadAtStart()) : "failed: " + r.error();
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "—" : fmt("%.0f %%", share * 100);
    }

    private static String met(boolean met, double value) {
        return Double.isNaN(value) ? "—" : met ? "met" : "missed";
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
