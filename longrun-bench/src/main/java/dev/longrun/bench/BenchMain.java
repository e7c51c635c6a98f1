package dev.longrun.bench;

import dev.longrun.bench.engine.EngineBenchmark;
import dev.longrun.bench.estimate.EstimateEvaluation;
import dev.longrun.bench.scale.ScaleBenchmark;
import java.util.Arrays;

/**
 * One entry point for the benchmarks: {@code engine} (issue 2: drain, peers, pickup, progress),
 * {@code scale} (issue 14: raw limit, drain of start()-made jobs beside db-scheduler, start rates),
 * {@code estimates} (issue 7: time-remaining estimates), {@code chaos} (issue 13: nodes killed while jobs run),
 * {@code all}. Arguments after the
 * subcommand go to that benchmark.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "engine" -> EngineBenchmark.run(rest);
                case "scale" -> ScaleBenchmark.run(rest);
                case "estimates" -> EstimateEvaluation.main(rest);
                case "chaos" -> {
                    // key=value arguments become chaos.* settings (see ChaosSettings), e.g. nodes=3 jobs=1500 postgres=restart
                    for (String arg : rest) {
                        String[] kv = arg.split("=", 2);
                        System.setProperty("chaos." + kv[0], kv.length > 1 ? kv[1] : "true");
                    }
                    dev.longrun.bench.chaos.ChaosBenchmark.main(new String[0]);
                }
                case "all" -> {
                    EstimateEvaluation.main(new String[0]);
                    System.out.println();
                    EngineBenchmark.run(rest);
                }
                default -> {
                    System.err.println("Usage: BenchMain engine|scale|estimates|chaos|all [arguments]");
                    System.exit(2);
                }
            }
        } catch (Exception e) {
            if (!(e instanceof IllegalArgumentException)) {
                e.printStackTrace();
                System.exit(1);
            }
            System.err.println(e.getMessage());
            System.exit(2);
        }
        // Peer libraries leave non-daemon threads behind (pools, schedulers); the figures are printed.
        System.exit(0);
    }
}
