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

    void print(List<RawLimit.Result> raw, List<DrainRow> rows, List<StartRate.Result> starts) {
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
        if (!rows.isEmpty()) {
            int rounds = rows.get(0).rounds().size();
            System.out.println(fmt("Drain of %,d jobs made by Longrun.start(); each round: the raw limit (best loop count above), Longrun, "
                    + "db-scheduler, back to back; %d round(s) per row, ratios are the median of the per-round ratios; "
                    + "%d untimed warm-up drain(s) of each engine first", s.jobs(), rounds, s.warmups()));
            System.out.println();
            System.out.println("| workers | raw limit jobs/s | Longrun jobs/s | ÷ raw limit | db-scheduler 16.12 jobs/s, same threads | Longrun ÷ db-scheduler | targets (≥ 50 %, ≥ 2×) |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---|");
            for (DrainRow row : rows) {
                double share = row.medianShareOfRaw();
                double vs = row.medianVsPeer();
                System.out.println(fmt("| %d | %s | %s | %s | %s | %s | %s |", row.workers(), num(row.medianRaw()), num(row.medianOurs()),
                        pct(share), num(row.medianPeer()), times(vs),
                        met(share >= TARGET_SHARE_OF_RAW, share) + ", " + met(vs >= TARGET_VS_DB_SCHEDULER, vs)));
            }
            System.out.println();
            System.out.println("Every round (load average at the start of each drain in brackets):");
            System.out.println();
            System.out.println("| workers | round | raw limit | Longrun | ÷ raw | db-scheduler | Longrun ÷ db-scheduler |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
            for (DrainRow row : rows) {
                for (int i = 0; i < row.rounds().size(); i++) {
                    DrainRow.Round r = row.rounds().get(i);
                    String rawCell = r.raw() == null ? "—" : r.raw().error() != null ? "failed: " + r.raw().error()
                            : fmt("%,.0f (%s)", r.raw().jobsPerSecond(), r.raw().loadAtStart());
                    System.out.println(fmt("| %d | %d | %s | %s | %s | %s | %s |", row.workers(), i + 1, rawCell, cell(r.ours()),
                            pct(r.shareOfRaw()), cell(r.peer()), times(r.vsPeer())));
                }
            }
            System.out.println();
        }
        if (!starts.isEmpty()) {
            System.out.println("Raw insert limit: a minimal table (primary key, unique client key, small params), the same number of rows "
                    + "committed by plain JDBC in the start's shape (threads committing one row each, or one thread committing batches), "
                    + "right before the starts.");
            System.out.println();
            System.out.println("| starting jobs (API-only node, distinct idempotency keys) | starts | load at start | time | starts/s | raw insert limit rows/s | ÷ raw | target |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
            for (StartRate.Result r : starts) {
                double target = r.how().contains("startAll") ? TARGET_BATCH_STARTS : TARGET_SINGLE_STARTS;
                System.out.println(r.error() != null ? fmt("| %s | %,d | %s | failed: %s | | %s | | |", r.how(), r.starts(), r.loadAtStart(), r.error(), num(r.rawPerSecond()))
                        : fmt("| %s | %,d | %s | %.2f s | %,.0f | %s | %s | ≥ %,.0f: %s |", r.how(), r.starts(), r.loadAtStart(), r.seconds(),
                        r.perSecond(), num(r.rawPerSecond()), pct(r.shareOfRaw()), target, met(r.perSecond() >= target, r.perSecond())));
            }
            System.out.println();
        }
    }

    /** The drain without and with the notification dispatcher beside it ({@link PlannedDrain}). */
    static void printPlanned(PlannedDrain.Result r) {
        System.out.println(fmt("Drain of %,d jobs made by startAll() at %d workers, without and then with the notification dispatcher "
                + "(as the starter runs it), timed from the node's start", r.jobs(), r.concurrency()));
        System.out.println();
        System.out.println("| drain | jobs/s | with ÷ without | notifications planned/s | last notification planned after the last job |");
        System.out.println("|---|---:|---:|---:|---:|");
        if (r.error() != null) {
            System.out.println("| failed: " + r.error() + " | | | | |");
        } else {
            System.out.println(fmt("| without the dispatcher | %s | | | |", num(r.alonePerSecond())));
            System.out.println(fmt("| with the dispatcher | %s | %s | %s | %.2f s |", num(r.withDispatcherPerSecond()),
                    pct(r.withDispatcherPerSecond() / r.alonePerSecond()), num(r.plannedPerSecond()), r.lagSeconds()));
        }
        System.out.println();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "—" : fmt("%,.0f", v);
    }

    private static String times(double v) {
        return Double.isNaN(v) ? "—" : fmt("%.2f×", v);
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
