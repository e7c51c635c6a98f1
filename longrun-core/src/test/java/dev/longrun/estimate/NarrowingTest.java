package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Eta;
import org.junit.jupiter.api.Test;

/** The shown end moves away only for a reason a person could see. */
class NarrowingTest {

    private static final Eta LESS_THAN_20 = new Eta(0, 20, "Less than 20 seconds");
    private static final Eta ABOUT_30_50 = new Eta(30, 50, "About 30–50 seconds");

    @Test
    void withoutACauseTheUpperEndStaysWhereItWas() {
        Eta next = new Eta(0, 60, "Less than 1 minute");

        assertThat(Narrowing.apply(LESS_THAN_20, next, false, false)).isEqualTo(LESS_THAN_20);
        assertThat(Narrowing.apply(ABOUT_30_50, new Eta(20, 60, "About 20–60 seconds"), false, false))
                .isEqualTo(new Eta(20, 50, "About 20–50 seconds"));
    }

    @Test
    void aRangeHeldAtLessThanTenSecondsDoesNotGetItsRoomBack() {
        // reworded without confidence, a range capped at 10 s read "Less than 15 seconds" again:
        // the end rose by the 5 s of room the words add
        Eta lessThan10 = new Eta(0, 10, "Less than 10 seconds");

        assertThat(Narrowing.apply(lessThan10, new Eta(0, 15, "Less than 15 seconds"), false, false))
                .isEqualTo(lessThan10);
        assertThat(Narrowing.absorbOneStep(lessThan10, new Eta(0, 15, "Less than 15 seconds"), false))
                .isEqualTo(lessThan10);
    }

    @Test
    void aVisibleCauseLetsTheRangeWiden() {
        Eta next = new Eta(20, 60, "About 20–60 seconds");

        assertThat(Narrowing.apply(ABOUT_30_50, next, true, false)).isEqualTo(next);
    }

    @Test
    void aRangeWhollyLaterThanTheLastOneIsItsOwnCause() {
        Eta next = new Eta(60, 90, "About 1½ minutes");

        assertThat(Narrowing.apply(ABOUT_30_50, next, false, false)).isEqualTo(next);
    }

    @Test
    void aForecastFromPastRunsWhoseEndRoseBySingleStepKeepsTheEndItShowed() {
        // issue 17: with 5 s and 10 s steps a forecast moving by a few seconds read as "it got later"
        assertThat(Narrowing.absorbOneStep(ABOUT_30_50, new Eta(30, 60, "About 30–60 seconds"), false))
                .isEqualTo(ABOUT_30_50);
        assertThat(Narrowing.absorbOneStep(new Eta(10, 15, "About 15 seconds"), new Eta(10, 20, "About 10–20 seconds"), false))
                .isEqualTo(new Eta(10, 15, "About 15 seconds"));
    }

    @Test
    void aForecastFromPastRunsThatRoseByMoreThanAStepIsShownAsItIs() {
        Eta later = new Eta(30, 70, "About 30–70 seconds");

        assertThat(Narrowing.absorbOneStep(ABOUT_30_50, later, false)).isEqualTo(later);
        assertThat(Narrowing.absorbOneStep(new Eta(10, 15, "About 15 seconds"), new Eta(15, 25, "About 15–25 seconds"), false))
                .as("wholly later: its own cause").isEqualTo(new Eta(15, 25, "About 15–25 seconds"));
    }

    @Test
    void lateUpdatesAndASlowerRecentPaceAreCauses() {
        Pace steady = new Pace(0.01, 0.01, 0.1, 1, 1, 30, 30);
        Pace slowing = new Pace(0.01, 0.006, 0.3, 1, 1, 30, 30);

        assertThat(Narrowing.visibleCause(steady, 1)).isFalse();
        assertThat(Narrowing.visibleCause(steady, 3)).as("two of its usual gaps late").isTrue();
        assertThat(Narrowing.visibleCause(slowing, 1)).isTrue();
        assertThat(Narrowing.visibleCause(null, 100)).isFalse();
    }
}
