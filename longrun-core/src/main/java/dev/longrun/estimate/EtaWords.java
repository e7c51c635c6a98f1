package dev.longrun.estimate;

import dev.longrun.Eta;
import java.util.Map;

/**
 * Turns a range of seconds into what a person reads, rounded outward to friendly units: "About 30
 * seconds", "About 2–4 minutes", "About 1 hour", "About 5 seconds", "Almost done" (only under 10 s
 * and only when confident), "Usually 2 to 5 minutes", "Usually starts within a minute". The
 * {@link Eta} carries the rounded range, so the numbers and the words always agree.
 */
final class EtaWords {

    private static final Map<Long, String> UNIT_NAMES =
            Map.of(1L, "seconds", 60L, "minutes", 3600L, "hours", 86_400L, "days");

    private EtaWords() {
    }

    /**
     * Time remaining of a running job, rounded outward to friendly steps. Under ten seconds a
     * confident estimate reads as {@link #lastSeconds}; one that is not keeps one 5 s step of room
     * above what those words would say ("Less than 10 seconds" where it ends within 5 s, "Less than
     * 15 seconds", or "About 5–15 seconds" when it cannot end within 5 s): never more than that
     * ("Less than a minute" there read as the end moving away).
     */
    static Eta remaining(Guess g) {
        Near r = Near.of(g.low(), g.high());
        if (r.high() <= 10) {
            if (g.confident()) {
                return lastSeconds(g);
            }
            if (r.low() >= 5) {
                return new Eta(5, 15, "About 5–15 seconds");
            }
            return g.high() <= 5 ? new Eta(0, 10, "Less than 10 seconds") : new Eta(0, 15, "Less than 15 seconds");
        }
        if (r.single()) {
            return new Eta(r.low(), r.high(), "About " + about(r.high()));
        }
        if (r.low() == 0) {
            return new Eta(0, r.high(), "Less than " + about(r.high()));
        }
        return new Eta(r.low(), r.high(), "About " + r.span());
    }

    /**
     * The last ten seconds of a confident estimate, in the 5 s steps of the seconds above them:
     * "About 5 seconds" when it ends within 5 s, "About 10 seconds" when it cannot end sooner
     * than 5 s, else "Almost done", which says 0–10 s.
     */
    private static Eta lastSeconds(Guess g) {
        if (g.high() <= 5) {
            return new Eta(0, 5, "About 5 seconds");
        }
        if (g.low() >= 5) {
            return new Eta(5, 10, "About 10 seconds");
        }
        return new Eta(0, 10, "Almost done");
    }

    /** "90 seconds" reads as "1½ minutes"; other amounts as {@link #amount}. */
    static String about(long seconds) {
        return seconds > 60 && seconds < 180 && seconds % 60 == 30 ? seconds / 60 + "½ minutes" : amount(seconds);
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
     * A time-remaining range with each end rounded outward to a step that suits its size. While the
     * text is in seconds (up to a minute, or up to 2½ minutes from a low end under a minute): 5 s
     * steps up to {@link #FINE_LIMIT} ("About 15 seconds", "About 10–15 seconds"), then 10 s steps
     * ("About 40–110 seconds"). A finer step is not false precision when the range it states holds
     * the truth as often: "About 15 seconds" with 13 s left is the truth, "Less than 40 seconds"
     * says little (issue 17). In minutes, 30 s steps up to 3 minutes (a minute's step there would
     * double a range of 70–80 s), then as {@link Rounded}.
     */
    record Near(long low, long high) {

        /** Ends up to this many seconds are rounded to 5 s steps. */
        static final long FINE_LIMIT = 30;
        /** A range read in seconds goes up to this; past it, minutes read better. */
        static final long SECONDS_LIMIT = 150;

        static Near of(double low, double high) {
            long lo = floor(low, secondsStep(low));
            long hi = Math.max(10, ceil(high, secondsStep(high)));
            if (hi <= 60 || lo < 60 && hi <= SECONDS_LIMIT) {
                return new Near(Math.min(lo, hi), hi);
            }
            lo = floor(low, stepFor(low));
            hi = ceil(high, stepFor(high));
            long unit = unitFor(lo, hi);
            if (!(unit == 60 && lo >= 60 && lo < 180 && lo % 30 == 0)) {
                lo = lo / unit * unit; // both ends in the unit the text uses: "1–3 minutes", not "40 s to 3 min"
            }
            return new Near(Math.min(lo, hi), hi);
        }

        private static long floor(double seconds, long step) {
            return (long) Math.floor(seconds / step) * step;
        }

        private static long ceil(double seconds, long step) {
            return (long) Math.ceil(seconds / step) * step;
        }

        /**
         * The unit both ends are read in: seconds up to a minute, and up to 2½ minutes while the low
         * end is under a minute ("About 50–150 seconds": in minutes that low end would round down to
         * 0, "Less than 2½ minutes", which drops what the estimate knows); then minutes, hours, days.
         */
        private static long unitFor(long lo, long hi) {
            if (hi <= 60 || lo < 60 && hi <= SECONDS_LIMIT) {
                return 1;
            }
            return hi <= 5400 ? 60 : hi <= 48 * 3600 ? 3600 : 86_400;
        }

        /** The rounding step of a shown end: "About 40 seconds" moves by 10 s, "About 2 minutes" by 30 s. */
        static long stepAt(long seconds) {
            return seconds <= SECONDS_LIMIT ? secondsStep(seconds) : stepFor(seconds);
        }

        /** The step of an end read in seconds. */
        static long secondsStep(double seconds) {
            return seconds <= FINE_LIMIT ? 5 : 10;
        }

        /** The step of an end once the range is read in minutes or longer units. */
        static long stepFor(double seconds) {
            return seconds <= 60 ? 10 : seconds <= 180 ? 30 : Rounded.stepFor(seconds);
        }

        /** Close enough to read as one amount, shown rounded up: "About 15 seconds" for 10–15 s. */
        boolean single() {
            return high - low <= (unitFor(low, high) == 1 ? secondsStep(high) : stepFor(high));
        }

        /** "20–30 seconds", "10–15 seconds", "50–150 seconds", "1½–2 minutes", "4–6 minutes", "2–3 hours". */
        String span() {
            long unit = unitFor(low, high);
            if (unit == 1) {
                return low + "–" + high + " seconds";
            }
            return number(low, unit) + "–" + number(high, unit) + " " + UNIT_NAMES.get(unit);
        }

        private static String number(long seconds, long unit) {
            return seconds / unit + (unit == 60 && seconds % 60 == 30 ? "½" : "");
        }
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

        static long stepFor(double high) {
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
