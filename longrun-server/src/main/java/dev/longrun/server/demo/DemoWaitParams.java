package dev.longrun.server.demo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Params of {@code demo.wait}, for trying the status screens: total {@code seconds}, number of {@code steps}
 * (0 = indeterminate) and a failure mode ({@code never}, {@code transient-once}, {@code permanent}).
 */
public record DemoWaitParams(@Min(0) @Max(MAX_SECONDS) Integer seconds, @Min(0) @Max(MAX_STEPS) Integer steps, Fail fail) {

    public static final int MAX_SECONDS = 3600;
    /** 0 means indeterminate progress. */
    public static final int MAX_STEPS = 100;

    public DemoWaitParams {
        seconds = seconds == null ? 10 : seconds;
        steps = steps == null ? 0 : steps;
        fail = fail == null ? Fail.NEVER : fail;
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
