package dev.longrun.bench.engine;

/**
 * One drain of pre-inserted no-op jobs by one system at one setting, as the result table shows it.
 *
 * @param setting        what was tuned, e.g. "concurrency 256, pool 20"
 * @param insertSeconds  time to pre-insert the jobs (not part of the drain)
 * @param drainSeconds   from starting the workers until the database shows every job finished
 * @param insertedBy     how the jobs were pre-inserted
 * @param loadAtStart    the machine's 1-minute load average when the drain started
 * @param error          why the drain did not complete; null when it did
 */
public record DrainResult(String system, String setting, int jobs, double insertSeconds, double drainSeconds,
                          String insertedBy, String loadAtStart, String error) {

    public static DrainResult failed(String system, String setting, int jobs, String error) {
        return new DrainResult(system, setting, jobs, Double.NaN, Double.NaN, null, "", error);
    }

    public boolean ok() {
        return error == null;
    }

    public double jobsPerSecond() {
        return ok() ? jobs / drainSeconds : Double.NaN;
    }
}
