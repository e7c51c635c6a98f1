package dev.longrun.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.LongrunException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** What a sender reads when one parameter is wrong: the field, what it must be, what was sent; no Java class names. */
class ParamsBinderTest {

    enum Format { CSV, XLSX }

    record Nested(int limit) {
    }

    record Params(int count, Long total, double ratio, boolean dryRun, String name, Format format, Instant notBefore,
                  Duration timeout, List<Integer> rows, Nested options) {
    }

    private final ParamsBinder binder = new ParamsBinder();
    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"count": 2.5}                  | Parameter 'count' must be a whole number (got 2.5).
            {"count": "abc"}                | Parameter 'count' must be a whole number (got "abc").
            {"count": 99999999999}          | Parameter 'count' is too large (got 99999999999).
            {"count": -99999999999}         | Parameter 'count' is too small (got -99999999999).
            {"total": 99999999999999999999} | Parameter 'total' is too large (got 99999999999999999999).
            {"count": true}                 | Parameter 'count' must be a whole number (got true).
            {"count": {}}                   | Parameter 'count' must be a whole number (got an object).
            {"count": [1]}                  | Parameter 'count' must be a whole number (got a list).
            {"ratio": "x"}                  | Parameter 'ratio' must be a number (got "x").
            {"dry_run": "yes"}              | Parameter 'dry_run' must be true or false (got "yes").
            {"name": {"a": 1}}              | Parameter 'name' must be text (got an object).
            {"format": "PDF"}               | Parameter 'format' must be one of "CSV", "XLSX" (got "PDF").
            {"not_before": "yesterday"}     | Parameter 'not_before' must be a date and time like "2026-01-31T09:30:00Z" (got "yesterday").
            {"timeout": "soon"}             | Parameter 'timeout' must be a duration like "PT30S" (30 seconds) or "PT2H" (got "soon").
            {"rows": [1, "a"]}              | Parameter 'rows[1]' must be a whole number (got "a").
            {"rows": 5}                     | Parameter 'rows' must be a list, like [1, 2] (got 5).
            {"options": {"limit": 1.5}}     | Parameter 'options.limit' must be a whole number (got 1.5).
            {"options": 3}                  | Parameter 'options' must be an object, like {"name": "value"} (got 3).
            """)
    void aWrongValueIsNamedWithWhatItMustBe(String params, String detail) {
        assertThatThrownBy(() -> binder.bind(json.readTree(params), Params.class))
                .isInstanceOfSatisfying(LongrunException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_params");
                    assertThat(e.field()).as("the field, as the message names it").isEqualTo(detail.split("'")[1]);
                })
                .hasMessage(detail);
    }

    @Test
    void anUnknownParameterIsTheFieldAtFault() {
        assertThatThrownBy(() -> binder.bind(json.readTree("{\"cuont\": 1}"), Params.class))
                .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.field()).isEqualTo("cuont"))
                .hasMessageStartingWith("Unknown parameter 'cuont'. Known parameters: count, dry_run,");
    }

    @Test
    void aLongTextIsShortenedInTheMessage() {
        String params = "{\"count\": \"" + "x".repeat(500) + "\"}";
        assertThatThrownBy(() -> binder.bind(json.readTree(params), Params.class))
                .hasMessage("Parameter 'count' must be a whole number (got \"" + "x".repeat(40) + "…\").");
    }
}
