package dev.longrun.estimate;

import dev.longrun.Eta;
import java.util.Map;

/**
 * Turns a range of seconds into what a person reads, rounded outward to friendly units: "About 30
 * seconds", "About 2–4 minutes", "About 1 hour", "Almost done" (only under 10 s and only when
 * confident), "Usually 2 to 5 minutes", "Usually starts within a minute". The {@link Eta} carries
 * the rounded range, so the numbers and the words always agree.
 */
final class EtaWords {

    private static final Map<Long, String> UNIT_NAMES =
            Map.of(1L, "seconds", 60L, "minutes", 3600L, "hours", 86_400L, "days");

    private EtaWords() {
    }

    /** Time remaining of a running job. */
    static Eta remaining(Guess g) {
        Rounded r = Rounded.of(g.low(), g.high());
        if (r.high() <= 10) {
            return g.confident() ? new Eta(0, 10, "Almost done") : new Eta(0, 60, "Less than a minute");
        }
        if (r.single()) {
            return new Eta(r.low(), r.high(), "About " + amount(r.high()));
        }
        if (r.low() == 0) {
            return new Eta(0, r.high(), "Less than " + amount(r.high()));
        }
        return new Eta(r.low(), r.high(), "About " + span(r, "–"));
    }

    /** Expected duration of a job that has not started: "Usually 2 to 5 minutes". */
    static Eta usual(Guess g) {
        Rounded r = Rounded.of(g.low(), g.high());
        if (r.high() <= 60) {
            return new Eta(0, 60, "Usually under a minute");
        }
        if (r.single()) {
            return new Eta(r.low(), r.high(), "Usually about " + amount(r.high()));
        }
        if (r.low() == 0) {
            return new Eta(0, r.high(), "Usually less than " + amount(r.high()));
        }
        return new Eta(r.low(), r.high(), "Usually " + span(r, " to "));
    }

    /** Expected wait before a queued job starts. */
    static Eta startWait(Guess g) {
        Rounded r = Rounded.of(g.low(), g.high());
        if (r.high() <= 60) {
            return new Eta(0, 60, "Usually starts within a minute");
        }
        if (r.low() == 0) {
            return new Eta(0, r.high(), "Usually starts within " + amount(r.high()));
        }
        if (r.single()) {
            return new Eta(r.low(), r.high(), "Usually starts in about " + amount(r.high()));
        }
        return new Eta(r.low(), r.high(), "Usually starts in " + span(r, " to "));
    }

    /** "2–4 minutes": both ends in the unit that suits the rounding step. */
    private static String span(Rounded r, String joiner) {
        long unit = r.step() < 60 ? 1 : r.step() < 3600 ? 60 : r.step() < 86_400 ? 3600 : 86_400;
        return r.low() / unit + joiner + r.high() / unit + " " + UNIT_NAMES.get(unit);
    }


    /** "30 seconds", "1 minute", "90 minutes", "1 hour", "3 hours": the largest unit that divides it. */
    static String amount(long seconds) {
        long unit = seconds >= 2 * 86_400 && seconds % 86_400 == 0 ? 86_400
                : seconds >= 3600 && seconds % 3600 == 0 ? 3600
                : seconds >= 60 && seconds % 60 == 0 ? 60 : 1;
        long n = seconds / unit;
        String name = UNIT_NAMES.get(unit);
        return n + " " + (n == 1 ? name.substring(0, name.length() - 1) : name);
    }

    /**
     * A range rounded outward to a step that suits its size: 10 s under a minute, 1 min under 10,
     * 5 min under 30, 10 min under 90, then hours, then days.
     */
    record Rounded(long low, long high, long step) {

        static Rounded of(double low, double high) {
            long step = stepFor(high);
            long lo = (long) Math.floor(low / step) * step;
            long hi = Math.max(step, (long) Math.ceil(high / step) * step);
            return new Rounded(Math.min(lo, hi), hi, step);
        }

        /** Close enough to read as one amount, shown rounded up. */
        boolean single() {
            return high - low <= step;
        }

        private static long stepFor(double high) {
            if (high <= 60) {
                return 10;
            }
            if (high <= 600) {
                return 60;
            }
            if (high <= 1800) {
                return 300;
            }
            if (high <= 5400) {
                return 600;
            }
            if (high <= 48 * 3600) {
                return 3600;
            }
            return 86_400;
        }
    }
}
