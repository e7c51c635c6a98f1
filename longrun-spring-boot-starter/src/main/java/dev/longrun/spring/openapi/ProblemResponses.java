package dev.longrun.spring.openapi;

import dev.longrun.spring.api.ApiPaths;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code application/problem+json} answers of each operation of Longrun's group, as docs/API.md lists them: a
 * {@code Problem} schema (RFC 9457 plus {@code code} and {@code field}) and, per operation, the statuses it can
 * really answer (for example 404 only where the path names something, 422 only on start).
 */
final class ProblemResponses {

    private static final String REF = "#/components/schemas/Problem";
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("400", "Bad input: unknown job type, invalid params or query, malformed JSON (field names the culprit)."),
            Map.entry("401", "No caller, or wrong, expired or forged credentials."),
            Map.entry("403", "A job token used beyond its one job (starting, bulk actions, uploads), or a changed download link."),
            Map.entry("404", "No such thing, or not the caller's (the same answer, so nothing leaks)."),
            Map.entry("409", "The job is not in a state that allows this (e.g. retrying a job that succeeded, a link to a result not there yet)."),
            Map.entry("410", "The download link expired (ask for a fresh one), or the result file is no longer kept."),
            Map.entry("413", "The body or upload is larger than the server accepts."),
            Map.entry("415", "The body is not of the content type the operation takes."),
            Map.entry("422", "This Idempotency-Key was used with other params."),
            Map.entry("503", "The job database is unavailable; nothing was changed. Retry-After says when to try again."));

    private final ApiPaths paths;

    ProblemResponses(ApiPaths paths) {
        this.paths = paths;
    }

    void addTo(OpenAPI api) {
        api.getComponents().addSchemas("Problem", problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> add(path, method, op)));
    }

    private void add(String path, PathItem.HttpMethod method, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        Map<String, ApiResponse> all = new TreeMap<>(responses);
        // springdoc copies the exception handlers' answers onto every operation; they are replaced by the accurate list.
        all.entrySet().removeIf(e -> e.getKey().startsWith("4") || e.getKey().startsWith("5"));
        for (String status : statuses(path, method, op)) {
            all.put(status, new ApiResponse().description(MEANING.get(status))
                    .content(new Content().addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(REF)))));
        }
        ApiResponses ordered = new ApiResponses();
        new LinkedHashMap<>(all).forEach(ordered::addApiResponse);
        op.setResponses(ordered);
    }

    private Set<String> statuses(String path, PathItem.HttpMethod method, Operation op) {
        Set<String> s = new java.util.TreeSet<>();
        if (path.equals(paths.path("/openapi.json"))) {
            return s;
        }
        boolean open = op.getSecurity() != null && op.getSecurity().isEmpty();
        boolean body = op.getRequestBody() != null;
        if (body || (op.getParameters() != null && !op.getParameters().isEmpty())) {
            s.add("400");
        }
        if (!open || path.equals(paths.path("/session"))) {
            s.add("401");
        }
        if (path.contains("{")) {
            s.add("404");
        }
        if (body) {
            s.add("413");
            s.add("415");
        }
        if (Set.of(paths.path("/jobs/start"), paths.path("/jobs/{id}/retry"), paths.path("/jobs/{id}/retry-failed"),
                paths.path("/jobs/cancel-all"), paths.path("/jobs/clear-finished"), paths.path("/uploads"), paths.path("/tokens"),
                paths.path("/files/zip"), paths.path("/files/{token}")).contains(path)) {
            s.add("403");
        }
        if (Set.of(paths.path("/jobs/{id}/retry"), paths.path("/jobs/{id}/retry-failed"), paths.path("/jobs/{id}/confirm"),
                paths.path("/jobs/{id}/result-link")).contains(path)) {
            s.add("409");
        }
        if (path.equals(paths.path("/files/{token}")) || path.equals(paths.path("/jobs/{id}/result-link"))) {
            s.add("410");
        }
        if (path.equals(paths.path("/files/{token}"))) {
            s.add("416"); // a Range outside the file
        }
        if (path.equals(paths.path("/jobs/start"))) {
            s.add("422");
        }
        s.add("503");
        return s;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Schema problem = new Schema<>().type("object").description("RFC 9457 problem details, with Longrun's code and field.");
        problem.addProperty("type", new StringSchema().format("uri").description("https://longrun.dev/problems/<code with dashes>, e.g. .../invalid-params."));
        problem.addProperty("title", new StringSchema().description("The HTTP status in words, e.g. Bad Request."));
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema().description("What happened and what to do, written for a person."));
        problem.addProperty("instance", new StringSchema().description("The request path."));
        problem.addProperty("code", new StringSchema().description("Stable machine-readable reason, e.g. invalid_params, unauthenticated, not_found."));
        problem.addProperty("field", new StringSchema().description("The request field at fault, when there is one."));
        problem.setRequired(java.util.List.of("status", "detail", "code"));
        return problem;
    }
}
