package dev.longrun.spring.api;

import dev.longrun.StartOptions;
import dev.longrun.spring.problem.ApiProblem;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the body of {@code POST /api/jobs/start} field by field, so each mistake is answered naming its field
 * rather than with a parser message.
 */
final class StartRequests {

    private static final Set<String> FIELDS = Set.of("type", "params", "depends_on");

    private StartRequests() {
    }

    record StartRequest(String type, JsonNode params, UUID dependsOn) {
    }

    static StartRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("invalid_request", "The body must be a JSON object like {\"type\": \"invoices.export\", \"params\": {}}.");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw ApiProblem.invalidField(name, "Unknown field '" + name + "'; a start request has type, params and depends_on.");
            }
        }
        JsonNode type = body.get("type");
        if (type == null || type.isNull() || (type.isString() && type.asString().isBlank())) {
            throw ApiProblem.invalidField("type", "type is required: the job type to start, e.g. \"invoices.export\" (see GET /api/job-types).");
        }
        if (!type.isString()) {
            throw ApiProblem.invalidField("type", "type must be a string, e.g. \"invoices.export\".");
        }
        JsonNode params = body.get("params");
        if (params == null || params.isNull()) {
            params = JsonNodeFactory.instance.objectNode();
        } else if (!params.isObject()) {
            throw ApiProblem.invalidField("params", "params must be a JSON object, e.g. {\"query\": \"acme\"}.");
        }
        JsonNode dep = body.get("depends_on");
        UUID dependsOn = null;
        if (dep != null && !dep.isNull()) {
            if (!dep.isString()) {
                throw ApiProblem.invalidField("depends_on", "depends_on must be a string: the id (a UUID) of one of your jobs, e.g. "
                        + "\"3f2b6c1e-8a4d-4f0e-9b7a-2c5d8e1f0a3b\".");
            }
            try {
                dependsOn = UUID.fromString(dep.asString());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("depends_on", "depends_on must be the id (a UUID) of one of your jobs.");
            }
        }
        return new StartRequest(type.asString(), params, dependsOn);
    }

    static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isBlank()) {
            throw ApiProblem.invalidField("Idempotency-Key", "The Idempotency-Key header is empty; send a unique value per request, or leave it out.");
        }
        if (header.length() > StartOptions.MAX_KEY_LENGTH) {
            throw ApiProblem.invalidField("Idempotency-Key", "The Idempotency-Key header is longer than " + StartOptions.MAX_KEY_LENGTH + " characters.");
        }
        return header;
    }
}
