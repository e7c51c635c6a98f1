package dev.longrun.runtime;

import dev.longrun.LongrunException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Says what is wrong with one parameter in the sender's terms: which field, what it must be, and what was sent
 * ({@code Parameter 'count' must be a whole number (got 2.5).}). Jackson's own messages name Java classes and parser
 * tokens, which mean nothing to the person who sent the JSON.
 */
final class ParamsProblem {

    private static final int SHOWN_TEXT = 40;
    private static final Set<Class<?>> WHOLE = Set.of(int.class, Integer.class, long.class, Long.class, short.class,
            Short.class, byte.class, Byte.class);

    private ParamsProblem() {
    }

    /** The refusal of {@code params}, naming the field when Jackson says which. */
    static LongrunException refusal(JacksonException e, JsonNode params) {
        String field = fieldOf(e.getPath());
        String detail = describe(e, field, params);
        return field.isEmpty() ? LongrunException.invalidParams(detail) : LongrunException.invalidParam(field, detail);
    }

    private static String fieldOf(List<JacksonException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String describe(JacksonException e, String field, JsonNode params) {
        List<JacksonException.Reference> path = e.getPath();
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e instanceof InputCoercionException c ? c.getTargetType() : null;
        JsonNode sent = valueAt(params, path);
        String name = field.isEmpty() ? "The params" : "Parameter '" + field + "'";
        if (sent != null && sent.isIntegralNumber() && target != null && WHOLE.contains(target)) {
            // the only reason a whole number is refused; the handler's own limits may be narrower than the type's,
            // so the type's range would mislead
            return name + " is " + (sent.bigIntegerValue().signum() < 0 ? "too small" : "too large") + " (got " + shown(sent) + ").";
        }
        String expected = target == null ? null : expected(target);
        if (expected == null) {
            return field.isEmpty() ? "The params could not be read." : name + " has the wrong type.";
        }
        return name + " must be " + expected
                + (sent == null ? "" : " (got " + shown(sent) + ")") + ".";
    }

    /** What a value of {@code type} looks like in JSON, or null for types a person would not recognise by name. */
    private static String expected(Class<?> type) {
        if (WHOLE.contains(type) || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || type == Number.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> "\"" + ((Enum<?>) c).name() + "\"")
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "a date and time like \"2026-01-31T09:30:00Z\"";
        }
        if (type == LocalDateTime.class) {
            return "a date and time like \"2026-01-31T09:30:00\"";
        }
        if (type == LocalDate.class) {
            return "a date like \"2026-01-31\"";
        }
        if (type == LocalTime.class) {
            return "a time like \"09:30:00\"";
        }
        if (type == Duration.class) {
            return "a duration like \"PT30S\" (30 seconds) or \"PT2H\"";
        }
        if (type == UUID.class) {
            return "a UUID like \"01a22859-170c-7000-8c1d-79573aa78cd8\"";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list, like [1, 2]";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object, like {\"name\": \"value\"}";
        }
        return null;
    }

    private static JsonNode valueAt(JsonNode params, List<JacksonException.Reference> path) {
        JsonNode node = params;
        for (JacksonException.Reference ref : path) {
            if (node == null) {
                return null;
            }
            node = ref.getPropertyName() != null ? node.get(ref.getPropertyName()) : node.get(ref.getIndex());
        }
        return node == params ? null : node;
    }

    private static String shown(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isString()) {
            String text = value.asString();
            return text.length() > SHOWN_TEXT ? "\"" + text.substring(0, SHOWN_TEXT) + "…\"" : "\"" + text + "\"";
        }
        String text = value.toString();
        return text.length() > SHOWN_TEXT ? text.substring(0, SHOWN_TEXT) + "…" : text;
    }
}
