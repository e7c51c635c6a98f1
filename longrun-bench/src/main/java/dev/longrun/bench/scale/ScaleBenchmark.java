package dev.longrun.bench.scale;

import dev.longrun.bench.engine.DrainResult;
import dev.longrun.bench.peers.DbSchedulerDrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 14's scale figures in one run, so every ratio compares figures taken minutes apart on the same busy machine:
 * the raw claim+complete limit of a minimal jobs table, the drain of jobs made by {@code start()} at each concurrency
 * beside db-scheduler at the same worker count, and how fast jobs can be started. Run by {@code BenchMain scale}.
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    public static void run(String[] args) {
        ScaleSettings s = ScaleSettings.parse(args);
        System.out.printf(Locale.ROOT, "Scale benchmark: %,d no-op jobs per drain, %d cores, load average at start %s, Java %s%n",
                s.jobs(), Runtime.getRuntime().availableProcessors(), ScaleSettings.load(), System.getProperty("java.version"));
        List<RawLimit.Result> raw = new ArrayList<>();
        if (s.runs("raw")) {
            for (int threads : s.rawThreads()) {
                raw.add(report(RawLimit.run(s, threads, s.rawBatch())));
            }
        }
        // Every drain round measures the raw limit again at the sweep's best loop count, right before the two drains.
        int loops = raw.stream().filter(r -> r.error() == null).max(java.util.Comparator.comparingDouble(RawLimit.Result::jobsPerSecond))
                .map(RawLimit.Result::threads).orElse(s.rawThreads().get(s.rawThreads().size() - 1));
        List<Integer> concurrencies = s.runs("ours") || s.runs("dbscheduler") ? s.concurrencies() : List.<Integer>of();
        // The first drains in this JVM also compile the engine's claim, run and finish path: without warm-ups that cost fell
        // on every run's first row. One was not enough: at 16 workers the JVM spent 92.5 µs of CPU per job in the warm-up,
        // 44.5 in the first timed drain, then 20.5 in each later one (CpuMeter, 2026-11-30); so two, as for db-scheduler.
        for (int w = 0; w < s.warmups() && !concurrencies.isEmpty(); w++) {
            if (s.runs("ours")) {
                report("warm-up, not counted: ", StartedDrain.run(s, concurrencies.get(0)));
            }
            if (s.runs("dbscheduler")) {
                report("warm-up, not counted: ", DbSchedulerDrain.run(s.peer(concurrencies.get(0))));
            }
        }
        List<DrainRow> rows = new ArrayList<>();
        for (int c : concurrencies) {
            List<DrainRow.Round> rounds = DrainRow.newRounds();
            for (int round = 0; round < s.rounds(); round++) {
                RawLimit.Result beside = s.runs("raw") && s.runs("ours") ? report(RawLimit.run(s, loops, s.rawBatch())) : null;
                DrainResult ours = s.runs("ours") ? report(StartedDrain.run(s, c)) : null;
                DrainResult peer = s.runs("dbscheduler") ? report(DbSchedulerDrain.run(s.peer(c))) : null;
                rounds.add(new DrainRow.Round(beside, ours, peer));
            }
            rows.add(new DrainRow(c, rounds));
        }
        List<StartRate.Result> starts = new ArrayList<>();
        if (s.runs("start")) {
            starts.add(report(StartRate.single(s)));
            starts.add(report(StartRate.batched(s)));
        }
        PlannedDrain.Result planned = s.runs("planner") ? report(PlannedDrain.run(s, s.concurrencies().getLast())) : null;
        System.out.println();
        new ScaleTable(s).print(raw, rows, starts);
        if (planned != null) {
            ScaleTable.printPlanned(planned);
        }
        System.out.println("Load average at end: " + ScaleSettings.load());
    }

    private static PlannedDrain.Result report(PlannedDrain.Result r) {
        System.out.printf(Locale.ROOT, "drain beside the notification dispatcher, concurrency %d: %s%n", r.concurrency(),
                r.error() != null ? "FAILED " + r.error() : String.format(Locale.ROOT,
                        "%,.0f jobs/s alone, %,.0f with the dispatcher, last notification planned %.2f s after the last job",
                        r.alonePerSecond(), r.withDispatcherPerSecond(), r.lagSeconds()));
        return r;
    }

    private static RawLimit.Result report(RawLimit.Result r) {
        System.out.printf(Locale.ROOT, "raw limit, %d threads x batch %d: %s%n", r.threads(), r.batch(),
                r.error() == null ? String.format(Locale.ROOT, "%.0f jobs/s", r.jobsPerSecond()) : r.error());
        return r;
    }

    private static DrainResult report(DrainResult r) {
        return report("", r);
    }

    private static DrainResult report(String prefix, DrainResult r) {
        System.out.printf(Locale.ROOT, "%sdrain %s (%s): %s%n", prefix, r.system(), r.setting(),
                r.ok() ? String.format(Locale.ROOT, "%.0f jobs/s (pre-insert %.1f s)", r.jobsPerSecond(), r.insertSeconds()) : r.error());
        return r;
    }

    private static StartRate.Result report(StartRate.Result r) {
        System.out.printf(Locale.ROOT, "%s: %s%n", r.how(),
                r.error() == null ? String.format(Locale.ROOT, "%.0f starts/s", r.perSecond()) : r.error());
        return r;
    }
}
