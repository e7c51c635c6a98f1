package dev.longrun.estimate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The rest of a job that works in bursts and waits (3–8 s of rows, then 5–20 s on a rate-limited
 * API), from its own state rather than from past runs' whole rests: the moving time its work still
 * needs (past runs' moving time from here, scaled to this job's speed), the rest of the wait or
 * burst it is in (how long waits and bursts of its type last, given how long this one has lasted),
 * and the waits and bursts still to come. A past run's whole rest mixes all three with where in its
 * cycle that run happened to be at this point; a job ten seconds into a wait is not like a past run
 * that had just begun one. Waits and bursts are read off past runs' shapes ({@link Cycles}); the
 * rest is replayed from them with a fixed seed, so one state gives one range. Pure.
 */
final class WaitModel {

    /** Past runs must average at least this many waits for the job to be one that works in bursts. */
    static final double WAITS_PER_RUN = 2;
    /** Replays per past run. */
    private static final int DRAWS = 40;
    /** Each end of the 90 % range. */
    private static final double TAIL = 0.05;

    /**
     * Where a job that reports as it goes stands in its cycle, from its own track ({@link MovingTime}).
     *
     * @param moving seconds it has spent moving so far
     * @param burst  seconds it has moved since its last wait ended (0 while in a wait)
     * @param waited seconds it has been silent beyond its rhythm, in a wait now; 0 while it moves
     */
    record Motion(double moving, double burst, double waited) {
    }

    private WaitModel() {
    }

    /**
     * A 90 % range of seconds left, or null when past runs do not work in bursts (fewer than
     * {@link #WAITS_PER_RUN} waits each in their shapes), when fewer than {@link Spread#ENOUGH} know
     * their moving time, or when this wait already outlasted every past wait (then the whole-rest
     * forecast and its stall rules speak).
     *
     * @param shapes   past runs with moving times at each grid point
     * @param k        the last grid point the job passed, 1..GRID
     * @param movingAt seconds the job had moved when it reached grid point k
     */
    static Guess range(float[][] shapes, int k, double movingAt, Motion motion) {
        Cycles cycles = Cycles.of(shapes);
        if (cycles.waits().length < WAITS_PER_RUN * shapes.length || cycles.bursts().length < Spread.ENOUGH) {
            return null;
        }
        double[] longer = longerThan(cycles.waits(), motion.waited());
        if (motion.waited() > 0 && longer.length == 0) {
            return null;
        }
        double slope = movingCarryOver(shapes, k);
        double movedSinceK = Math.max(0, motion.moving() - movingAt);
        double[] left = new double[shapes.length * DRAWS];
        int n = 0;
        SplittableRandom random = new SplittableRandom(17L * ShapeHistory.GRID + k);
        for (float[] shape : shapes) {
            double total = shape[ShapeHistory.GRID];
            double head = shape[ShapeHistory.MOVING + k - 1] * total;
            double end = movingAtEnd(shape) * total;
            if (!(head > 0 && end > head)) {
                continue; // its moving time here or at its end is unknown
            }
            double work = Math.max(0, (end - head) * Math.pow(movingAt / head, slope) - movedSinceK);
            for (int d = 0; d < DRAWS; d++) {
                left[n++] = replay(work, motion, longer, cycles, random);
            }
        }
        if (n < Spread.ENOUGH * DRAWS) {
            return null;
        }
        left = Arrays.copyOf(left, n);
        Arrays.sort(left);
        return Guess.of(left[(int) Math.floor(TAIL * (n - 1))], left[(int) Math.ceil((1 - TAIL) * (n - 1))]);
    }

    /** Seconds until {@code work} seconds of moving are done, from the job's state, in random bursts and waits. */
    private static double replay(double work, Motion motion, double[] longerWaits, Cycles cycles,
                                 SplittableRandom random) {
        double t = 0;
        double run;
        if (motion.waited() > 0) {
            t += pick(longerWaits, random) - motion.waited();
            run = pick(cycles.bursts(), random);
        } else {
            double[] longer = longerThan(cycles.bursts(), motion.burst());
            run = longer.length == 0 ? 0 : pick(longer, random) - motion.burst();
        }
        while (work > run) {
            t += run + pick(cycles.waits(), random);
            work -= run;
            run = pick(cycles.bursts(), random);
        }
        return t + work;
    }

    /**
     * How much of the job's speed carries over to the moving time its work still needs: the
     * least-squares slope of past runs' moving time after grid point k on their moving time before
     * it, in log scale, pulled towards 1 while few (as {@link ShapeForecast#carryOver} does for
     * whole rests, whose waits would blur it).
     */
    static double movingCarryOver(float[][] shapes, int k) {
        CarryOver fit = new CarryOver();
        for (float[] shape : shapes) {
            double head = shape[ShapeHistory.MOVING + k - 1];
            double end = movingAtEnd(shape);
            if (!(head > 0 && end > head)) {
                continue;
            }
            double total = shape[ShapeHistory.GRID];
            fit.add(head * total, (end - head) * total);
        }
        return fit.slope();
    }

    /**
     * A past run's moving share at its end. The report that ends a run may come after its last
     * moving time was noted; then its last twentieth moved at the pace of the ones before.
     */
    static double movingAtEnd(float[] shape) {
        double last = shape[ShapeHistory.MOVING + ShapeHistory.GRID - 1];
        double before = shape[ShapeHistory.MOVING + ShapeHistory.GRID - 2];
        return last > before ? last : before * ShapeHistory.GRID / (ShapeHistory.GRID - 1.0);
    }

    private static double[] longerThan(double[] pool, double seconds) {
        return Arrays.stream(pool).filter(v -> v > seconds).toArray();
    }

    private static double pick(double[] pool, SplittableRandom random) {
        return pool[random.nextInt(pool.length)];
    }
}
