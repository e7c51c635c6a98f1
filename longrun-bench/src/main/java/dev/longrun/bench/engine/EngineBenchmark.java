package dev.longrun.bench.engine;

import dev.longrun.bench.peers.DbSchedulerDrain;
import dev.longrun.bench.peers.JobRunrDrain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The engine benchmark of issue 2, in one run: our drain at each concurrency, the same drain with
 * JobRunr and db-scheduler on the same database, pickup latency on an idle engine, and the cost of per-row progress. Prints one table
 * (see {@link ResultTable}). Run by {@code BenchMain engine}.
 */
public final class EngineBenchmark {

    static final double PACED_SECONDS = 5;

    private EngineBenchmark() {
    }

    public static void run(String[] args) {
        BenchSettings s = BenchSettings.parse(args);
        ResultTable table = new ResultTable(s);
        table.printHeader();

        List<DrainResult> ours = new ArrayList<>();
        if (s.runs("ours")) {
            for (int concurrency : s.concurrencies()) {
                ours.add(report(LongrunDrain.run(s, concurrency)));
            }
        }
        int best = bestConcurrency(s, ours);
        DrainResult jobRunr = s.runs("jobrunr") ? report(JobRunrDrain.run(s)) : null;
        DrainResult dbScheduler = s.runs("dbscheduler") ? report(DbSchedulerDrain.run(s)) : null;

        PickupLatency.Result pickup = null;
        if (s.runs("latency")) {
            pickup = PickupLatency.run(s, best);
            System.out.println("pickup latency at concurrency " + best + " done");
        }
        List<ProgressCoalescing.Result> progress = new ArrayList<>();
        if (s.runs("progress")) {
            progress.add(ProgressCoalescing.run(s, 0));
            progress.add(ProgressCoalescing.run(s, PACED_SECONDS));
            System.out.println("progress coalescing done");
        }
        System.out.println();
        table.print(ours, jobRunr, dbScheduler, pickup, progress);
    }

    /** The concurrency of our fastest drain; the first configured one when none ran. */
    private static int bestConcurrency(BenchSettings s, List<DrainResult> ours) {
        return ours.stream().filter(DrainResult::ok).max(Comparator.comparingDouble(DrainResult::jobsPerSecond))
                .map(r -> Integer.parseInt(r.setting().replaceAll("^concurrency (\\d+).*$", "$1")))
                .orElse(s.concurrencies().getFirst());
    }

    private static DrainResult report(DrainResult r) {
        System.out.printf("drain %s (%s): %s%n", r.system(), r.setting(),
                r.ok() ? String.format("%.0f jobs/s", r.jobsPerSecond()) : r.error());
        return r;
    }
}
