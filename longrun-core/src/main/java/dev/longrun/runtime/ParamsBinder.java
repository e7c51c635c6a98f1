package dev.longrun.runtime;

import dev.longrun.LongrunException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns params between the JSON people send ({@code {"upload_id": ...}}) and a handler's params record
 * ({@code uploadId}). Binding errors name the field, so "bad params" is something a person can fix.
 */
public final class ParamsBinder {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a missing number means 0, as for any Java field; a handler checks what it requires
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // 1.5 for a whole number is a mistake to report, not a value to truncate
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** The params as a JSON object; null becomes {}. */
    public JsonNode toTree(Object params) {
        if (params == null) {
            return mapper.createObjectNode();
        }
        JsonNode node = params instanceof JsonNode n ? n : mapper.valueToTree(params);
        if (node.isNull() || node.isMissingNode()) {
            return mapper.createObjectNode();
        }
        if (!node.isObject()) {
            throw LongrunException.invalidParams("Params must be a JSON object, like {\"seconds\": 10}; got " + node.getNodeType().name().toLowerCase() + ".");
        }
        return node;
    }

    public <P> P bind(JsonNode params, Class<P> type) {
        if (type == Void.class) {
            return null;
        }
        if (type == JsonNode.class || type == ObjectNode.class) {
            return type.cast(params);
        }
        try {
            return mapper.treeToValue(params, type);
        } catch (UnrecognizedPropertyException e) {
            throw LongrunException.invalidParam(e.getPropertyName(), "Unknown parameter '" + e.getPropertyName() + "'. Known parameters: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
        } catch (JacksonException e) {
            if (e.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null) {
                // a params record's own validation, which speaks to the sender already
                throw LongrunException.invalidParams(iae.getMessage());
            }
            throw ParamsProblem.refusal(e, params);
        } catch (IllegalArgumentException e) {
            // thrown by a params record's own validation in its constructor
            throw LongrunException.invalidParams(e.getMessage());
        }
    }

    /** JSON with keys sorted at every level: equal params give equal text, hence equal idempotency keys. */
    public String canonical(JsonNode params) {
        return mapper.writeValueAsString(sorted(params));
    }

    public String write(Object value) {
        return mapper.writeValueAsString(value);
    }

    public JsonNode tree(Object value) {
        return value == null ? null : mapper.valueToTree(value);
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                fields.put(e.getKey(), sorted(e.getValue()));
            }
            ObjectNode out = mapper.createObjectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            var out = mapper.createArrayNode();
            node.forEach(child -> out.add(sorted(child)));
            return out;
        }
        return node;
    }
}
