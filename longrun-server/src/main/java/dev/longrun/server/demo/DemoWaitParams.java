package dev.longrun.server.demo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Params of {@code demo.wait}, for trying the status screens: total {@code seconds}, number of {@code steps}
 * (0 = indeterminate) and a failure mode ({@code never}, {@code transient-once}, {@code permanent}).
 */
public record DemoWaitParams(Integer seconds, Integer steps, Fail fail) {

    public static final int MAX_SECONDS = 3600;
    public static final int MAX_STEPS = 100;

    public DemoWaitParams {
        seconds = seconds == null ? 10 : seconds;
        steps = steps == null ? 0 : steps;
        fail = fail == null ? Fail.NEVER : fail;
        if (seconds < 0 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("seconds must be between 0 and " + MAX_SECONDS);
        }
        if (steps < 0 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be between 0 (indeterminate) and " + MAX_STEPS);
        }
    }

    /** How the demo job ends: normally, after one transient failure (then succeeds on retry), or with a permanent failure. */
    public enum Fail {
        NEVER("never"), TRANSIENT_ONCE("transient-once"), PERMANENT("permanent");

        private final String value;

        Fail(String value) {
            this.value = value;
        }

        @JsonValue
        public String value() {
            return value;
        }

        @JsonCreator
        public static Fail of(String value) {
            return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("fail must be one of "
                            + Arrays.stream(values()).map(Fail::value).collect(Collectors.joining(", ")) + ", not '" + value + "'"));
        }
    }
}
