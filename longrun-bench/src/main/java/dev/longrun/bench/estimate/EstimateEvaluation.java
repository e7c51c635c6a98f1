package dev.longrun.bench.estimate;

import java.util.Locale;

/**
 * Evaluates the time-remaining estimates on synthetic workloads (issue 7) and prints one table row
 * per workload: how often the truth fell inside the shown range (honesty), how wide the range was
 * against the true time left (sharpness), how soon a run first showed an estimate, how often a shown
 * range widened or its upper end rose, the mean error of its midpoint, how often "Almost done" was shown with more than
 * 30 s left, and how often nothing was shown.
 * Run with {@code ./mvnw -B -q -pl longrun-bench -am package -DskipTests -Dbench=estimates}.
 */
public final class EstimateEvaluation {

    static final int DEFAULT_RUNS = 40;
    static final long DEFAULT_SEED = 7;
    static final double SAMPLE_EVERY_SECONDS = 2;

    private EstimateEvaluation() {
    }

    public static void main(String[] args) {
        if (args.length >= 3 && args[0].equals("trace")) {
            // trace WORKLOAD RUN [restarted|learning [SEED]]: every sample of one run, to see why a figure is what it is
            Workload w = Workload.valueOf(args[1]);
            long seed = args.length > 4 ? Long.parseLong(args[4]) : DEFAULT_SEED;
            new Replay(SAMPLE_EVERY_SECONDS, Integer.parseInt(args[2])).play(w, Integer.parseInt(args[2]) + 1,
                    seed + w.ordinal(), args.length > 3 && args[3].equals("restarted"));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_RUNS;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        Replay replay = new Replay(SAMPLE_EVERY_SECONDS, -1);
        System.out.printf(Locale.ROOT, "Estimate evaluation: %d runs per workload, seed %d, sampled every %.0f s%n%n",
                runs, seed, SAMPLE_EVERY_SECONDS);
        System.out.println("Learning node (history and progress shapes learned as runs finish):");
        table(replay, runs, seed, false);
        System.out.println();
        System.out.println("Restarted node before every run (durations and progress shapes from the store only, nothing in memory):");
        table(replay, runs, seed, true);
    }

    private static void table(Replay replay, int runs, long seed, boolean restartEachRun) {
        System.out.println();
        System.out.println("| workload | runs | samples | truth in range | width ÷ true left, median | width ÷ true left, p90"
                + " | first estimate without history, median (p90) | runs with none | no estimate shown | range widened | upper end rose"
                + " | mean abs error of midpoint | \"Almost done\" shown | \"Almost done\" with > 30 s left |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        long inRange = 0;
        long shown = 0;
        for (Workload w : Workload.values()) {
            if (restartEachRun && w.cold) {
                continue; // already every run is a first run
            }
            Score s = replay.play(w, runs, seed + w.ordinal(), restartEachRun);
            inRange += s.inRange;
            shown += s.shown;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.2f | %.2f | %.0f%% (%.0f%%) of the run | %d | %.1f%% | %.1f%% | %.1f%%"
                            + " | %.1f s | %d | %d (%.2f%%) |%n", w.label, s.runs, s.samples, s.inRangePct(),
                    s.widthRatio(0.5), s.widthRatio(0.9), 100 * s.firstEstimateShare(0.5), 100 * s.firstEstimateShare(0.9),
                    s.runsWithoutEstimate, s.nonePct(), s.widenedPct(), s.rosePct(), s.meanAbsError(), s.almostDone,
                    s.almostDoneTooEarly, s.almostDoneTooEarlyPct());
        }
        System.out.printf(Locale.ROOT, "%nAll workloads: truth in range %.1f%% of shown estimates (target >= 90%% per workload).%n",
                shown == 0 ? Double.NaN : 100.0 * inRange / shown);
    }
}
