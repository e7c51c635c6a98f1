package dev.longrun.format;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The numbers a person reads, written the way the status screens write them: the Java twin of
 * {@code longrun-format.js}. The notification texts (inbox, toasts, bell, email, webhooks) use it, so a size, a
 * count or a duration reads the same in the email as on the job's card. Both twins are tested against one table
 * of cases ({@code format-cases.json} in this module's test resources); change a rule in both or neither.
 *
 * <p>Sizes are decimal (1 KB = 1,000 bytes), one decimal below 100 with a trailing ".0" dropped, rounded half up
 * on the exact byte count; counts use en-US grouping; durations use s, min, h, d, at most two units.
 */
public final class HumanFormat {

    private static final String[] SIZE_UNITS = {"KB", "MB", "GB", "TB", "PB"};

    private HumanFormat() {
    }

    /** "1,234". */
    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** "1 row", "1,234 rows", "0 rows". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** "1 entry", "3 entries". */
    public static String count(long n, String singular, String plural) {
        return number(n) + " " + (n == 1 ? singular : plural);
    }

    /** "512 bytes", "9.5 KB", "271 KB", "12.4 MB". */
    public static String bytes(long bytes) {
        long b = Math.max(0, bytes);
        if (b < 1000) {
            return count(b, "byte");
        }
        long unit = 1000;
        for (int i = 0; ; i++) {
            long tenths = (b * 10 + unit / 2) / unit;
            if (tenths < 1000) {
                return tenths / 10 + (tenths % 10 == 0 ? "" : "." + tenths % 10) + " " + SIZE_UNITS[i];
            }
            long whole = (b + unit / 2) / unit;
            // "1,000 KB" reads as "1 MB": move up while the rounded figure reaches the next unit.
            if (whole < 1000 || i == SIZE_UNITS.length - 1) {
                return number(whole) + " " + SIZE_UNITS[i];
            }
            unit *= 1000;
        }
    }

    /** "0 s", "45 s", "2 min 5 s", "1 h 4 min", "2 d 3 h"; negative reads as zero. */
    public static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return two(s / 60, "min", s % 60, "s");
        }
        if (s < 86400) {
            return two(s / 3600, "h", (s % 3600) / 60, "min");
        }
        return two(s / 86400, "d", (s % 86400) / 3600, "h");
    }

    public static String duration(Duration d) {
        return duration(d.toMillis() / 1000.0);
    }

    private static String two(long a, String ua, long b, String ub) {
        return b == 0 ? number(a) + " " + ua : number(a) + " " + ua + " " + b + " " + ub;
    }

    /**
     * How long a job took over all its attempts: "26 s", "26 s over 2 attempts"; a job that ran, however briefly, took
     * "under 1 s", never "0 s".
     */
    public static String took(double seconds, int attempts) {
        String ran = seconds < 1 ? "under 1 s" : duration(seconds);
        return attempts > 1 ? ran + " over " + count(attempts, "attempt") : ran;
    }

    /** "just now" (under 5 s, or a little in the future from clock skew), "12 s ago", "3 min ago", "2 h ago", "4 d ago". */
    public static String ago(Instant when, Instant now) {
        long s = Math.floorDiv(Duration.between(when, now).toMillis(), 1000);
        if (s < 5) {
            return "just now";
        }
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86400) {
            return s / 3600 + " h ago";
        }
        return number(s / 86400) + " d ago";
    }

    /** "in 12 s", "in 3 min 5 s"; "any moment now" once due. */
    public static String until(Instant when, Instant now) {
        long s = -Math.floorDiv(-Duration.between(now, when).toMillis(), 1000);
        return s < 1 ? "any moment now" : "in " + duration(s);
    }

    /**
     * A place in line: "3 of 12" — never a position above the count it is of, and empty for no position. Where the
     * line is longer than was counted ({@code moreThan}, the API's {@code queue_more_than}), the size is "more than
     * 1,000" ("3 of more than 1,000") and a place past the count (no position) is "over 1,000".
     */
    public static String position(Integer position, Integer total, Integer moreThan) {
        Integer counted = moreThan == null || moreThan < 1 ? null : moreThan;
        Integer p = position == null || position < 1 ? null : position;
        if (counted != null) {
            return p == null || p > counted ? "over " + number(counted) : number(p) + " of more than " + number(counted);
        }
        if (p == null) {
            return "";
        }
        return number(p) + " of " + number(total == null ? p : Math.max(p, total));
    }

    /** "45%": floored, so 99.9 never reads as a finished 100 %; clamped to 0–100. */
    public static String percent(double pct) {
        return (long) Math.min(100, Math.max(0, Math.floor(pct))) + "%";
    }
}
