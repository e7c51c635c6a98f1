package dev.longrun.bench.scale;

import dev.longrun.bench.engine.DrainResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One concurrency of the drain table, measured {@code rounds} times. Each round measures the raw limit, Longrun and
 * db-scheduler back to back, seconds apart, so its two ratios compare figures taken under the same load; the row
 * reports the median of those per-round ratios (on a shared machine the load moves by a factor of three within
 * minutes, and a ratio of figures from different minutes measures the load, not the engines).
 */
record DrainRow(int workers, List<Round> rounds) {

    record Round(RawLimit.Result raw, DrainResult ours, DrainResult peer) {

        double shareOfRaw() {
            return rate(ours) / (raw == null || raw.error() != null ? Double.NaN : raw.jobsPerSecond());
        }

        double vsPeer() {
            return rate(ours) / rate(peer);
        }
    }

    static double rate(DrainResult r) {
        return r == null || !r.ok() ? Double.NaN : r.jobsPerSecond();
    }

    double medianShareOfRaw() {
        return median(rounds.stream().mapToDouble(Round::shareOfRaw).toArray());
    }

    double medianVsPeer() {
        return median(rounds.stream().mapToDouble(Round::vsPeer).toArray());
    }

    double medianRaw() {
        return median(rounds.stream().mapToDouble(r -> r.raw() == null || r.raw().error() != null ? Double.NaN
                : r.raw().jobsPerSecond()).toArray());
    }

    double medianOurs() {
        return median(rounds.stream().mapToDouble(r -> rate(r.ours())).toArray());
    }

    double medianPeer() {
        return median(rounds.stream().mapToDouble(r -> rate(r.peer())).toArray());
    }

    /** The median of the figures that exist (NaN when none does). */
    static double median(double[] values) {
        double[] ok = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (ok.length == 0) {
            return Double.NaN;
        }
        return ok.length % 2 == 1 ? ok[ok.length / 2] : (ok[ok.length / 2 - 1] + ok[ok.length / 2]) / 2;
    }

    static List<Round> newRounds() {
        return new ArrayList<>();
    }
}
