package dev.longrun.estimate;

import dev.longrun.Eta;

/**
 * Keeps a shown time remaining calm: without a visible cause, its upper end never rises above
 * what was shown just before, so a person never sees the end move away while the job goes on as
 * it did ("Less than 20 seconds" then "Less than a minute" at the last step). A visible cause — the
 * job's update is late, it got slower lately, or the new range lies wholly above the old one —
 * lets the new range through as computed. A range from past runs' shapes follows what they did
 * from here, but not by a single rounding step ({@link #absorbOneStep}). Pure.
 */
final class Narrowing {

    private Narrowing() {
    }

    /**
     * @param previous the range shown just before for this attempt, or null
     * @param next     the range computed now (rounded)
     * @param cause    whether the job gave a visible reason to expect a later end
     * @param confident whether "Almost done" may be said, for rewording a capped range
     */
    static Eta apply(Eta previous, Eta next, boolean cause, boolean confident) {
        if (previous == null || next == null || cause || next.highSeconds() <= previous.highSeconds()) {
            return next;
        }
        if (next.lowSeconds() >= previous.highSeconds()) {
            return next; // the new range does not overlap the old one: its news is the cause
        }
        return capped(previous, next, confident);
    }

    /**
     * A range from past runs' shapes whose end rose by a single rounding step while the job's own
     * pace gives no cause: the forecast moved by less than the wording's resolution, which a person
     * would read as the end moving away. The end stays where it was.
     */
    static Eta absorbOneStep(Eta previous, Eta next, boolean confident) {
        if (previous == null || next == null || next.highSeconds() <= previous.highSeconds()
                || next.lowSeconds() >= previous.highSeconds()
                || next.highSeconds() - previous.highSeconds() > EtaWords.Near.stepAt(previous.highSeconds())) {
            return next;
        }
        return capped(previous, next, confident);
    }

    /**
     * The next range with its end held at the previous one's. Reworded, a capped range under 10 s
     * without confidence gets its 5 s of room back ("Less than 10 seconds" read again as 0–15 s):
     * then the range shown before stays.
     */
    private static Eta capped(Eta previous, Eta next, boolean confident) {
        Eta held = EtaWords.remaining(new Guess(next.lowSeconds(), previous.highSeconds(), confident));
        return held.highSeconds() > previous.highSeconds() ? previous : held;
    }

    /** The job's update is late against its own rhythm, or its recent pace fell well below its overall one. */
    static boolean visibleCause(Pace pace, double silence) {
        return pace != null && (silence > Math.max(2, 2 * pace.typicalGap()) || pace.recent() < 0.8 * pace.overall());
    }
}
