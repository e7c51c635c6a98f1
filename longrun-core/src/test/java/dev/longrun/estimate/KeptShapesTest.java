package dev.longrun.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learned progress shapes survive a restart through the store, and bad stored text is ignored. */
class KeptShapesTest {

    @Test
    void aShapeSurvivesTheRoundTripThroughItsTextForm() {
        float[] shape = new float[ShapeHistory.GRID];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = (i + 1) / (float) ShapeHistory.GRID * 0.9f;
        }
        assertThat(ShapeHistory.decode(ShapeHistory.encode(shape))).containsExactly(shape);
    }

    @Test
    void aShapeWithItsDurationAndMovingTimesSurvivesTheRoundTrip() {
        float[] shape = new float[ShapeHistory.MOVING + ShapeHistory.GRID];
        for (int i = 0; i < ShapeHistory.GRID; i++) {
            shape[i] = (i + 1) / (float) ShapeHistory.GRID;
            shape[ShapeHistory.MOVING + i] = shape[i] * 0.3f; // worked 30 % of the time, waited the rest
        }
        shape[ShapeHistory.GRID] = 140;
        assertThat(ShapeHistory.decode(ShapeHistory.encode(shape))).containsExactly(shape);

        String text = ShapeHistory.encode(shape);
        assertThat(ShapeHistory.decode(text.substring(0, text.lastIndexOf(',')))).as("one moving time missing").isNull();
        assertThat(ShapeHistory.decode(text + ",0.5")).isNull();
        assertThat(ShapeHistory.decode(text.substring(0, text.lastIndexOf(',')) + ",1.5")).as("a moving share above 1")
                .isNull();
    }

    @Test
    void malformedStoredShapesAreSkippedNotTrusted() {
        // tried: wrong count, not numbers, above 1, decreasing, empty, null
        String twenty = "0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.45,0.5,0.55,0.6,0.65,0.7,0.75,0.8,0.85,0.9,0.95,1.0";
        assertThat(ShapeHistory.decode(twenty)).hasSize(ShapeHistory.GRID);
        assertThat(ShapeHistory.decode("0.1,0.2")).isNull();
        assertThat(ShapeHistory.decode(twenty.replace("0.5", "half"))).isNull();
        assertThat(ShapeHistory.decode(twenty.replace("1.0", "1.5"))).isNull();
        assertThat(ShapeHistory.decode(twenty.replace("0.55", "0.01"))).isNull();
        assertThat(ShapeHistory.decode("")).isNull();
        assertThat(ShapeHistory.decode(null)).isNull();

        ShapeHistory history = new ShapeHistory();
        history.seed(List.of(twenty, "garbage", twenty));
        assertThat(history.size()).isEqualTo(2);
    }

    @Test
    void seedingKeepsAtMostTheRingsCapacity() {
        String twenty = "0.05,0.1,0.15,0.2,0.25,0.3,0.35,0.4,0.45,0.5,0.55,0.6,0.65,0.7,0.75,0.8,0.85,0.9,0.95,1.0";
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ShapeHistory.CAPACITY + 10; i++) {
            many.add(twenty);
        }
        ShapeHistory history = new ShapeHistory();
        history.seed(many);
        assertThat(history.size()).isEqualTo(ShapeHistory.CAPACITY);
    }
}
