package dev.longrun.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Java formatter against the table of cases {@code longrun-format.js} passes too (its node test reads the
 * same file), so the email and the card cannot drift apart.
 */
class HumanFormatTest {

    private static final Instant NOW = Instant.parse("2026-11-28T14:02:00Z");

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheSharedTableReadsAsExpected() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : table().get("cases")) {
            String fn = c.get("fn").asString();
            JsonNode args = c.get("args");
            String expect = c.get("expect").asString();
            tests.add(DynamicTest.dynamicTest(fn + args + " is \"" + expect + "\"",
                    () -> assertThat(call(fn, args)).isEqualTo(expect)));
        }
        assertThat(tests).hasSizeGreaterThan(50);
        return tests.stream();
    }

    @Test
    void aDurationTakesAJavaDurationToo() {
        assertThat(HumanFormat.duration(Duration.ofSeconds(125))).isEqualTo("2 min 5 s");
    }

    private static JsonNode table() throws Exception {
        try (InputStream in = HumanFormatTest.class.getResourceAsStream("/format-cases.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    /** The table's argument at {@code i}: a JSON null, or an argument left out, is null. */
    private static Integer integer(JsonNode args, int i) {
        return args.size() <= i || args.get(i).isNull() ? null : args.get(i).asInt();
    }

    private static String call(String fn, JsonNode a) {
        return switch (fn) {
            case "number" -> HumanFormat.number(a.get(0).asLong());
            case "count" -> a.size() > 2 ? HumanFormat.count(a.get(0).asLong(), a.get(1).asString(), a.get(2).asString())
                    : HumanFormat.count(a.get(0).asLong(), a.get(1).asString());
            case "bytes" -> HumanFormat.bytes(a.get(0).asLong());
            case "duration" -> HumanFormat.duration(a.get(0).asDouble());
            case "took" -> HumanFormat.took(a.get(0).asDouble(), a.get(1).asInt());
            case "ago" -> HumanFormat.ago(NOW.minusMillis(a.get(0).asLong()), NOW);
            case "until" -> HumanFormat.until(NOW.plusMillis(a.get(0).asLong()), NOW);
            case "position" -> HumanFormat.position(integer(a, 0), integer(a, 1), integer(a, 2));
            case "percent" -> HumanFormat.percent(a.get(0).asDouble());
            default -> throw new AssertionError("The table names " + fn + ", which HumanFormat lacks");
        };
    }
}
