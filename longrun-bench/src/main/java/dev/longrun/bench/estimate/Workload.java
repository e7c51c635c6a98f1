package dev.longrun.bench.estimate;

import dev.longrun.bench.estimate.Run.Report;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The synthetic job shapes the estimate evaluation replays. Each generates runs of one job type
 * from a seeded random source; runs of a type differ the way real runs do (machine load, data).
 * Counted jobs report at most once a second, and only when their count moved, like the engine's
 * coalesced progress writes.
 */
enum Workload {

    STEADY("steady rate", false) {
        @Override
        Run generate(Random r) {
            double speed = clamp(1 + 0.1 * r.nextGaussian(), 0.7, 1.3);
            return counted(120, (t, f) -> speed, 0);
        }
    },
    NOISY("noisy rate", false) {
        @Override
        Run generate(Random r) {
            double speed = logNormal(r, 0.3);
            return counted(120, (t, f) -> speed * logNormal(r, 0.6), 0);
        }
    },
    BURSTY("bursty", false) {
        @Override
        Run generate(Random r) {
            double speed = logNormal(r, 0.2);
            // Bursts of 3–8 s at full speed, then 5–20 s waiting (e.g. on a rate-limited API).
            boolean[] busy = new boolean[4000];
            int t = 0;
            while (t < busy.length) {
                int burst = 3 + r.nextInt(6);
                for (int i = 0; i < burst && t < busy.length; i++) {
                    busy[t++] = true;
                }
                t += 5 + r.nextInt(16);
            }
            return counted(40, (s, f) -> busy[Math.min(s, busy.length - 1)] ? speed : 0, 0);
        }
    },
    SLOWDOWN("slows down near the end", false) {
        @Override
        Run generate(Random r) {
            double speed = logNormal(r, 0.15);
            return counted(100, (t, f) -> f < 0.8 ? speed : speed * 0.3, 0);
        }
    },
    STALL_AT_99("stalls at 99% for minutes", false) {
        @Override
        Run generate(Random r) {
            double speed = logNormal(r, 0.15);
            double stall = 60 + 180 * r.nextDouble();
            double[] reachedAt = {-1};
            return counted(120, (t, f) -> {
                if (f < 0.99) {
                    return speed;
                }
                if (reachedAt[0] < 0) {
                    reachedAt[0] = t;
                }
                return t - reachedAt[0] < stall ? 0 : speed;
            }, 0);
        }
    },
    STEPS_ONE_SLOW("5 steps, step 3 slow", false) {
        @Override
        Run generate(Random r) {
            double[] typical = {15, 20, 90, 15, 20};
            List<Report> reports = new ArrayList<>();
            double t = 0;
            for (int step = 1; step <= typical.length; step++) {
                reports.add(Report.step(t, step, typical.length));
                t += typical[step - 1] * logNormal(r, 0.25);
            }
            return new Run(t, reports);
        }
    },
    EVEN_STEPS("even steps, 10-40 s (demo.wait)", false) {
        @Override
        Run generate(Random r) {
            // Like demo.wait with 10 to 40 seconds and 3 to 20 steps: steps of equal length, and
            // runs of one type that differ in both (so the type's history says little).
            double seconds = 10 + 30 * r.nextDouble();
            int steps = 3 + r.nextInt(18);
            List<Report> reports = new ArrayList<>();
            for (int step = 1; step <= steps; step++) {
                reports.add(Report.step(seconds * (step - 1) / steps, step, steps));
            }
            return new Run(seconds, reports);
        }
    },
    COLD_START("cold start, no history", true) {
        @Override
        Run generate(Random r) {
            double speed = logNormal(r, 0.3);
            return counted(90, (t, f) -> speed * logNormal(r, 0.3), 0);
        }
    };

    /** Units every counted run works through. */
    static final long UNITS = 10_000;

    final String label;
    /** Replayed without any history: every run is the first of its type. */
    final boolean cold;

    Workload(String label, boolean cold) {
        this.label = label;
        this.cold = cold;
    }

    abstract Run generate(Random r);

    /** Speed multiplier at second {@code t}, when the fraction {@code f} is done. */
    interface Speed {
        double at(int t, double f);
    }

    /**
     * A counted run that at speed 1 takes {@code baseSeconds}; after its last unit it spends
     * {@code tailSeconds} more without reporting (finishing, or stuck) before it succeeds.
     */
    static Run counted(double baseSeconds, Speed speed, double tailSeconds) {
        double perSecond = UNITS / baseSeconds;
        List<Report> reports = new ArrayList<>();
        reports.add(Report.counted(0, 0, UNITS));
        double done = 0;
        long reported = 0;
        for (int t = 0; t < 100_000; t++) {
            double step = perSecond * Math.max(0, speed.at(t, done / UNITS));
            if (done + step >= UNITS) {
                double end = t + (UNITS - done) / step;
                reports.add(Report.counted(end, UNITS, UNITS));
                return new Run(end + tailSeconds, reports);
            }
            done += step;
            long now = (long) done;
            if (now != reported) {
                reports.add(Report.counted(t + 1, now, UNITS));
                reported = now;
            }
        }
        throw new IllegalStateException("A synthetic run never finished: its speed stayed at zero");
    }

    /** A random factor around 1 (median 1) with the given spread in log space. */
    static double logNormal(Random r, double sigma) {
        return Math.exp(sigma * r.nextGaussian());
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
