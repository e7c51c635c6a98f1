package dev.longrun.runtime;

import java.time.Duration;

/** Durations in words for messages people read: "30 minutes", "1 hour", "45 seconds". */
final class Durations {

    private Durations() {
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 90) {
            return plural(s, "second");
        }
        long m = Math.round(s / 60.0);
        if (m < 90) {
            return plural(m, "minute");
        }
        return plural(Math.round(s / 3600.0), "hour");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
