package dev.longrun.bench.engine;

import dev.longrun.bench.peers.DbSchedulerDrain;
import dev.longrun.bench.peers.JobRunrDrain;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine benchmark of issue 2, in one run: our drain at each concurrency, the same drain with
 * JobRunr and db-scheduler on the same database, pickup latency on an idle engine, and the cost of
 * per-row progress. Prints one table (see {@link ResultTable}). Run by {@code BenchMain engine}.
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
                ours.add(progress(LongrunDrain.run(s, concurrency)));
            }
        }
        DrainResult jobRunr = s.runs("jobrunr") ? progress(JobRunrDrain.run(s)) : null;
        DrainResult dbScheduler = s.runs("dbscheduler") ? progress(DbSchedulerDrain.run(s)) : null;

        List<PickupLatency.Result> pickups = new ArrayList<>();
        if (s.runs("latency")) {
            for (int concurrency : s.concurrencies()) {
                pickups.add(PickupLatency.run(s, concurrency));
                System.err.println("pickup latency at concurrency " + concurrency + " done");
            }
        }
        List<ProgressCoalescing.Result> progress = new ArrayList<>();
        if (s.runs("progress")) {
            progress.add(ProgressCoalescing.run(s, 0));
            progress.add(ProgressCoalescing.run(s, PACED_SECONDS));
            System.err.println("progress coalescing done");
        }
        table.print(ours, jobRunr, dbScheduler, pickups, progress);
    }

    private static DrainResult progress(DrainResult r) {
        System.err.printf("drain %s (%s): %s%n", r.system(), r.setting(),
                r.ok() ? String.format("%.0f jobs/s", r.jobsPerSecond()) : r.error());
        return r;
    }
}
