package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What past runs' shapes say about the rest of a running job. */
class ShapeForecastTest {

    /**
     * Past bursty runs of different speeds: each spent 20 % of its time reaching 20 % of the work,
     * 6 % of its time moving on the way (the rest waiting), and ran 100 s at speed 1.
     */
    private static float[][] burstyRuns() {
        float[][] shapes = new float[10][];
        for (int i = 0; i < shapes.length; i++) {
            double total = 100 / (0.6 + 0.1 * i);
            float[] shape = new float[ShapeHistory.MOVING + ShapeHistory.GRID];
            for (int k = 1; k <= ShapeHistory.GRID; k++) {
                shape[k - 1] = (float) k / ShapeHistory.GRID;
                shape[ShapeHistory.MOVING + k - 1] = 0.3f * k / ShapeHistory.GRID;
            }
            shape[ShapeHistory.GRID] = (float) total;
            shapes[i] = shape;
        }
        return shapes;
    }

    @Test
    void aBurstyJobIsJudgedByHowFastItMovesNotByTheWaitsInItsHead() {
        // 20 % done after 20 s like a run of speed 1, but only 3 s of it moving (a past run of speed 1
        // moved 6 s): it works twice as fast and met more waits than usual so far
        double[] reachedAfter = new double[4];
        Arrays.setAll(reachedAfter, j -> 5.0 * (j + 1));

        ShapeHistory.Prediction byMoving = ShapeForecast.predict(burstyRuns(), 4, reachedAfter, 3, 0, 20);
        ShapeHistory.Prediction byHead = ShapeForecast.predict(burstyRuns(), 4, reachedAfter, Double.NaN, 0, 20);

        assertThat(byMoving.remaining()).as("the rest at twice the speed of a 100 s run").hasSize(10)
                .containsOnly(new double[] {40.0}, within(1e-3));
        assertThat(byHead.remaining()).as("without moving times the head's 20 s decide").hasSize(10)
                .containsOnly(new double[] {80.0}, within(1e-3));
    }

    @Test
    void shapesKeptWithoutMovingTimesFallBackToHeadTimes() {
        float[][] old = Arrays.stream(burstyRuns()).map(s -> Arrays.copyOf(s, ShapeHistory.GRID + 1))
                .toArray(float[][]::new);
        double[] reachedAfter = new double[4];
        Arrays.setAll(reachedAfter, j -> 5.0 * (j + 1));

        ShapeHistory.Prediction p = ShapeForecast.predict(old, 4, reachedAfter, 3, 0, 20);

        assertThat(p.remaining()).hasSize(10).containsOnly(new double[] {80.0}, within(1e-3));
    }
}
