package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a job that works in bursts is measured by how fast it works, not by how many of its
 * waits fell into its head. The track counts the time between reports at the job's own rhythm as
 * moving and longer silences as waits.
 */
class MovingTimeTest {

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    /** Bursts of {@code burst} one-second reports, then {@code wait} seconds of silence, at 1 % a second. */
    private static ProgressTrack bursty(int burst, int wait, int percent) {
        ProgressTrack track = new ProgressTrack(START);
        track.record(START, 0);
        int t = 0;
        int done = 0;
        while (done < percent) {
            for (int i = 0; i < burst && done < percent; i++) {
                t++;
                done++;
                track.record(START.plusSeconds(t), done / 100.0);
            }
            t += wait;
        }
        return track;
    }

    @Test
    void aBurstyJobsWaitsDoNotCountAsMoving() {
        ProgressTrack track = bursty(5, 15, 60); // 5 s of work, then 15 s waiting

        // 20 % of the work came in four bursts of 5 s over 65 s; the report that ends a wait (16 s
        // after the one before) counts its last usual gap, about a second, as moving
        assertThat(ShapeHistory.reachedAt(START.toEpochMilli(), track.snapshot(), 0.2)).isCloseTo(65, within(1e-6));
        assertThat(track.movingAt(4)).isCloseTo(20, within(0.2));
        assertThat(track.movingAt(12)).isCloseTo(60, within(0.6));
    }

    @Test
    void aSteadyJobMovesAllTheTime() {
        ProgressTrack track = bursty(1_000, 0, 50);

        assertThat(track.movingAt(10)).isCloseTo(50, within(1e-6));
    }

    @Test
    void aRhythmIsToldOnlyAfterAFewReports() {
        ProgressTrack track = new ProgressTrack(START);
        track.record(START, 0);
        track.record(START.plusSeconds(5), 0.05);
        track.record(START.plusSeconds(10), 0.10);

        assertThat(track.movingAt(1)).as("one report says nothing about a rhythm").isNaN();
        assertThat(track.movingAt(2)).as("two reports say nothing about a rhythm").isNaN();
    }

    @Test
    void aJobFirstSeenPastItsFirstGridPointHasNoKnownMovingTime() {
        // a node that took the job over mid-run does not know how it moved before
        ProgressTrack track = new ProgressTrack(START);
        for (int t = 30; t <= 60; t++) {
            track.record(START.plusSeconds(t), t / 100.0);
        }

        assertThat(track.movingAt(10)).isNaN();
    }
}
