package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Eta;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EtaWordsTest {

    @Test
    void halfAMinuteReadsAsAboutThirtySeconds() {
        assertThat(EtaWords.remaining(Guess.of(26, 29))).isEqualTo(new Eta(25, 30, "About 30 seconds"));
    }

    @Test
    void underHalfAMinuteTheStepIsFiveSeconds() {
        // issue 17: "About 15 seconds" with 13 s left is the truth; "About 10–20 seconds" says less
        assertThat(EtaWords.remaining(Guess.of(11, 14))).isEqualTo(new Eta(10, 15, "About 15 seconds"));
        assertThat(EtaWords.remaining(Guess.of(12, 19))).isEqualTo(new Eta(10, 20, "About 10–20 seconds"));
        assertThat(EtaWords.remaining(Guess.of(22, 28))).isEqualTo(new Eta(20, 30, "About 20–30 seconds"));
        assertThat(EtaWords.remaining(Guess.of(6, 14))).isEqualTo(new Eta(5, 15, "About 5–15 seconds"));
        assertThat(EtaWords.remaining(Guess.of(3, 24))).isEqualTo(new Eta(0, 25, "Less than 25 seconds"));
    }

    @Test
    void pastHalfAMinuteTheStepIsTenSecondsWhileTheTextIsInSeconds() {
        assertThat(EtaWords.remaining(Guess.of(29, 33))).isEqualTo(new Eta(25, 40, "About 25–40 seconds"));
        assertThat(EtaWords.remaining(Guess.of(31, 39))).isEqualTo(new Eta(30, 40, "About 40 seconds"));
        assertThat(EtaWords.remaining(Guess.of(44, 106))).isEqualTo(new Eta(40, 110, "About 40–110 seconds"));
        assertThat(EtaWords.remaining(Guess.of(12, 75))).isEqualTo(new Eta(10, 80, "About 10–80 seconds"));
    }

    @Test
    void aRangeOfMinutesIsRoundedOutwardWithAnEnDash() {
        assertThat(EtaWords.remaining(Guess.of(130, 230))).isEqualTo(new Eta(120, 240, "About 2–4 minutes"));
    }

    @Test
    void closeToAnHourReadsAsAboutOneHour() {
        assertThat(EtaWords.remaining(Guess.of(3100, 3550))).isEqualTo(new Eta(3000, 3600, "About 1 hour"));
    }

    @Test
    void longRunsAreCountedInHours() {
        assertThat(EtaWords.remaining(Guess.of(7300, 14_000)).text()).isEqualTo("About 2–4 hours");
        assertThat(EtaWords.remaining(Guess.of(7300, 10_000)).text()).as("one step apart: shown rounded up")
                .isEqualTo("About 3 hours");
    }

    @Test
    void justUnderAMinuteReadsAsOneMinuteInTheSingular() {
        assertThat(EtaWords.remaining(Guess.of(52, 58)).text()).isEqualTo("About 1 minute");
    }

    @Test
    void aRangeStartingNearZeroSaysLessThan() {
        assertThat(EtaWords.remaining(Guess.of(20, 170))).isEqualTo(new Eta(0, 180, "Less than 3 minutes"));
    }

    @Test
    void almostDoneWhenUnderTenSecondsAndConfident() {
        assertThat(EtaWords.remaining(Guess.of(2, 8).confident(true))).isEqualTo(new Eta(0, 10, "Almost done"));
    }

    @Test
    void theLastSecondsOfAConfidentEstimateReadInFiveSecondSteps() {
        // issue 17, fifth round: the words say the range, 0–5 s is not read as 0–10 s or the reverse
        assertThat(EtaWords.remaining(Guess.of(3.1, 4.2).confident(true))).isEqualTo(new Eta(0, 5, "About 5 seconds"));
        assertThat(EtaWords.remaining(Guess.of(6, 9.5).confident(true))).isEqualTo(new Eta(5, 10, "About 10 seconds"));
        assertThat(EtaWords.remaining(Guess.of(4, 6).confident(true)))
                .as("a range across 5 s is the whole of \"Almost done\"").isEqualTo(new Eta(0, 10, "Almost done"));
        assertThat(EtaWords.remaining(Guess.of(3, 4))).as("without confidence, one 5 s step of room")
                .isEqualTo(new Eta(0, 10, "Less than 10 seconds"));
    }

    @Test
    void withinFiveSecondsWithoutConfidenceTheRoomIsOneFiveSecondStep() {
        // issue 17, second pass: "Less than 15 seconds" for a range ending within 5 s kept two steps
        // of room where a confident one says "About 5 seconds"; 3 s left read as 15 s wide
        assertThat(EtaWords.remaining(Guess.of(0.5, 4.8))).isEqualTo(new Eta(0, 10, "Less than 10 seconds"));
        assertThat(EtaWords.remaining(Guess.of(1, 5.2))).as("past 5 s the room is 10-15 s, as before")
                .isEqualTo(new Eta(0, 15, "Less than 15 seconds"));
    }

    @Test
    void underTenSecondsWithoutConfidenceKeepsTheLowEndItKnows() {
        assertThat(EtaWords.remaining(Guess.of(6, 9))).isEqualTo(new Eta(5, 15, "About 5–15 seconds"));
    }

    @Test
    void underTenSecondsWithoutConfidenceSaysLessThanFifteenSecondsNotLessThanAMinute() {
        // issue 11: "Less than 20 seconds" turned into "Less than a minute" at the last step; issue 17:
        // one 5 s step of room above the 10 s of "Almost done", as it was one 10 s step before
        assertThat(EtaWords.remaining(Guess.of(2, 8))).isEqualTo(new Eta(0, 15, "Less than 15 seconds"));
        assertThat(EtaWords.remaining(Guess.of(4, 17))).isEqualTo(new Eta(0, 20, "Less than 20 seconds"));
    }

    @Test
    void betweenOneAndThreeMinutesTheStepIsHalfAMinute() {
        assertThat(EtaWords.remaining(Guess.of(65, 85))).isEqualTo(new Eta(60, 90, "About 1½ minutes"));
        assertThat(EtaWords.remaining(Guess.of(70, 115))).isEqualTo(new Eta(60, 120, "About 1–2 minutes"));
        assertThat(EtaWords.remaining(Guess.of(95, 140))).isEqualTo(new Eta(90, 150, "About 1½–2½ minutes"));
        assertThat(EtaWords.remaining(Guess.of(52, 85))).isEqualTo(new Eta(50, 90, "About 50–90 seconds"));
        assertThat(EtaWords.remaining(Guess.of(40, 170)).text()).isEqualTo("Less than 3 minutes");
    }

    @Test
    void aRangeFromUnderAMinuteToTwoAndAHalfKeepsItsLowEndInSeconds() {
        // issue 17: in minutes the low end 50 s rounded down to 0, "Less than 2½ minutes" with 90 s left
        assertThat(EtaWords.remaining(Guess.of(53, 139))).isEqualTo(new Eta(50, 140, "About 50–140 seconds"));
        assertThat(EtaWords.remaining(Guess.of(35, 125))).isEqualTo(new Eta(30, 130, "About 30–130 seconds"));
        assertThat(EtaWords.remaining(Guess.of(53, 146))).isEqualTo(new Eta(50, 150, "About 50–150 seconds"));
        assertThat(EtaWords.remaining(Guess.of(53, 160)).text()).as("past 2½ minutes minutes read better")
                .isEqualTo("Less than 3 minutes");
    }

    @Test
    void confidenceAloneNeverSaysAlmostDoneAboveTenSeconds() {
        assertThat(EtaWords.remaining(Guess.of(5, 12).confident(true)).text()).isEqualTo("About 5–15 seconds");
        assertThat(EtaWords.remaining(Guess.of(2, 12).confident(true)).text()).isEqualTo("Less than 15 seconds");
    }

    @Test
    void expectedDurationReadsAsUsually() {
        assertThat(EtaWords.usual(Guess.of(130, 290))).isEqualTo(new Eta(120, 300, "Usually 2 to 5 minutes"));
        assertThat(EtaWords.usual(Guess.of(10, 40)).text()).isEqualTo("Usually under a minute");
        assertThat(EtaWords.usual(Guess.of(180, 230)).text()).isEqualTo("Usually about 4 minutes");
    }

    @Test
    void startWaitReadsAsUsuallyStarts() {
        assertThat(EtaWords.startWait(Guess.of(0, 45)).text()).isEqualTo("Usually starts within a minute");
        assertThat(EtaWords.startWait(Guess.of(0, 200)).text()).isEqualTo("Usually starts within 4 minutes");
        assertThat(EtaWords.startWait(Guess.of(100, 230)).text()).isEqualTo("Usually starts in 1 to 4 minutes");
    }

    @Test
    void amountsUseTheLargestUnitThatDividesThem() {
        assertThat(EtaWords.amount(30)).isEqualTo("30 seconds");
        assertThat(EtaWords.amount(60)).isEqualTo("1 minute");
        assertThat(EtaWords.amount(5400)).isEqualTo("90 minutes");
        assertThat(EtaWords.amount(7200)).isEqualTo("2 hours");
        assertThat(EtaWords.amount(3 * 86_400)).isEqualTo("3 days");
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 20);
    }

    /** Rounding only ever widens: the shown range holds the computed one, and reads like English. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shownRangeAlwaysHoldsTheComputedOne(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            double low = Math.exp(r.nextDouble() * 12);
            double high = low * (1 + r.nextDouble() * 3);
            Guess g = Guess.of(low, high).confident(r.nextBoolean());
            Eta eta = EtaWords.remaining(g);
            assertThat(eta.lowSeconds()).as("seed %d: %s -> %s", seed, g, eta).isLessThanOrEqualTo((long) Math.floor(low));
            assertThat(eta.highSeconds()).as("seed %d: %s -> %s", seed, g, eta).isGreaterThanOrEqualTo((long) Math.ceil(high));
            assertThat(eta.text()).as("seed %d: %s", seed, g)
                    .doesNotContain(" 0–", "About 0")
                    .doesNotContainPattern("\\b1 (seconds|minutes|hours|days)")
                    .matches("(About|Less than|Almost done).*");
        }
    }
}
