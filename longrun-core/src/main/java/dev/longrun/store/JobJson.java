package dev.longrun.store;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.longrun.Action;
import dev.longrun.JobResult;
import dev.longrun.Summary;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of what the store keeps as JSON (params, result, summary, action, item details), with
 * snake_case names as in the HTTP contract. Used by the store and by the runtime, so both read the same
 * text the same way. Null fields are left out of the text. Thread-safe; one instance is enough.
 */
public final class JobJson {

    private final JsonMapper mapper;

    public JobJson() {
        this.mapper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Absent rather than null: a JsonNode field read back from "null" would be a NullNode, not null.
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
                // Records only: Summary.isEmpty() and the like are derived, not stored.
                .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
                .build();
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** JSON text of a value; null stays null (a SQL NULL, not the text "null"). */
    public String write(Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    public JsonNode readTree(String json) {
        return json == null ? null : mapper.readTree(json);
    }

    public JobResult readResult(String json) {
        if (json == null) {
            return null;
        }
        JobResult result = mapper.readValue(json, JobResult.class);
        // Text written elsewhere may carry "data": null, which Jackson reads as a NullNode.
        return result.data() != null && result.data().isNull() ? result.withData(null) : result;
    }

    public Summary readSummary(String json) {
        return json == null ? null : mapper.readValue(json, Summary.class);
    }

    public Action readAction(String json) {
        if (json == null) {
            return null;
        }
        Action action = mapper.readValue(json, Action.class);
        return action.preview() != null && action.preview().isNull() ? new Action(action.kind(), action.message(), null) : action;
    }

    public <T> T convert(JsonNode node, Class<T> type) {
        return node == null ? null : mapper.treeToValue(node, type);
    }
}
