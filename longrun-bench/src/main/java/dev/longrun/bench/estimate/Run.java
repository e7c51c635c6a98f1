package dev.longrun.bench.estimate;

import java.util.List;

/**
 * One synthetic run of a job: what it reported over time and when it really ended, which is what
 * the shown estimates are judged against.
 *
 * @param seconds  true duration of the run
 * @param reports  progress as the job reported it, in time order
 */
record Run(double seconds, List<Report> reports) {

    /**
     * One progress report {@code at} seconds after start: counted ({@code current} of {@code total})
     * or a step ({@code step} of {@code steps}); the other pair is null.
     */
    record Report(double at, Long current, Long total, Integer step, Integer steps) {

        static Report counted(double at, long current, long total) {
            return new Report(at, current, total, null, null);
        }

        static Report step(double at, int step, int steps) {
            return new Report(at, null, null, step, steps);
        }
    }
}
