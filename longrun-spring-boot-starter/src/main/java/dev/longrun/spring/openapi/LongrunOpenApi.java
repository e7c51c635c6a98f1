package dev.longrun.spring.openapi;

import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.spring.api.ApiPaths;
import dev.longrun.spring.api.JobDetailsController;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes springdoc's description of Longrun's group match the HTTP contract (docs/API.md): title and version, who
 * may call ({@code api_key}, {@code bearer}, {@code session}), the problem answers of each operation, and
 * {@code POST /jobs/start} with a typed body per registered job type (its params record, snake_case) answering
 * {@code 202} for a new job and {@code 200} for one already started. Problem answers are added by
 * {@link ProblemResponses}.
 */
public final class LongrunOpenApi implements OpenApiCustomizer {

    /** The version of the HTTP contract this starter speaks (not the library's version). */
    static final String CONTRACT_VERSION = "1.0";

    private final Longrun longrun;
    private final ApiPaths paths;
    private final String contextPath;

    /** @param contextPath the servlet context path the API is served under ({@code server.servlet.context-path}), "" for none */
    public LongrunOpenApi(Longrun longrun, ApiPaths paths, String contextPath) {
        this.longrun = longrun;
        this.paths = paths;
        this.contextPath = contextPath == null ? "" : contextPath.replaceAll("/+$", "");
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Longrun API").version(CONTRACT_VERSION).description("""
                Durable user-facing jobs: start once (Idempotency-Key), read status with ETag/If-None-Match, follow \
                it live over Server-Sent Events, cancel, retry, download results. Field names are snake_case; every \
                refusal is application/problem+json (RFC 9457) with a detail a person can act on. The reference is \
                docs/API.md in the Longrun repository."""));
        // Relative to where the document is served: springdoc would write the request's own host (or a forwarded
        // one, whatever the sender put there) into every copy a cache keeps.
        api.setServers(List.of(new Server().url(contextPath.isEmpty() ? "/" : contextPath)
                .description("The host this document was read from")));
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        securitySchemes(api.getComponents());
        api.setSecurity(List.of(new SecurityRequirement().addList("api_key"), new SecurityRequirement().addList("bearer"),
                new SecurityRequirement().addList("session")));
        openOperations(api);
        Map<String, String> paramsSchemas = paramsSchemas(api.getComponents());
        startOperation(api, paramsSchemas);
        itemsOperation(api);
        mediaTypes(api);
        eventStreams(api);
        new ProblemResponses(paths).addTo(api);
    }

    /**
     * Springdoc writes {@code *}{@code /*} where a controller does not name what it produces: JSON bodies become
     * {@code application/json}, and event streams are described as what they are (text frames), not as the Java
     * type that writes them.
     */
    private static void mediaTypes(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(item -> item.readOperations().forEach(op -> {
            if (op.getResponses() == null) {
                return;
            }
            op.getResponses().values().forEach(r -> {
                io.swagger.v3.oas.models.media.Content content = r.getContent();
                if (content == null || !content.containsKey("*/*")) {
                    return;
                }
                io.swagger.v3.oas.models.media.MediaType any = content.remove("*/*");
                if (content.containsKey("text/event-stream")) {
                    content.get("text/event-stream").setSchema(eventStreamSchema());
                } else if (any.getSchema() != null && "binary".equals(any.getSchema().getFormat())) {
                    content.addMediaType("application/octet-stream", any); // downloads
                } else {
                    content.addMediaType("application/json", any);
                }
            });
        }));
    }

    /**
     * The event streams' controller writes the servlet response itself (returns nothing springdoc could describe), so
     * their 200 is described here: text frames.
     */
    private static void eventStreams(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            if (path.endsWith("/events") && item.getGet() != null && item.getGet().getResponses() != null) {
                io.swagger.v3.oas.models.responses.ApiResponse ok = item.getGet().getResponses()
                        .computeIfAbsent("200", k -> new io.swagger.v3.oas.models.responses.ApiResponse().description("OK"));
                ok.setContent(new io.swagger.v3.oas.models.media.Content().addMediaType("text/event-stream",
                        new io.swagger.v3.oas.models.media.MediaType().schema(eventStreamSchema())));
            }
        });
    }

    private static StringSchema eventStreamSchema() {
        return (StringSchema) new StringSchema().description(
                "Server-Sent Events: 'event: job' frames (id: the job's version, data: the job JSON), "
                        + "': heartbeat' comments; /events also sends 'event: notification' frames.");
    }

    private static void securitySchemes(Components c) {
        c.addSecuritySchemes("api_key", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                .name("X-Longrun-Api-Key").description("A backend's key (longrun.api-keys). It acts for the user named in "
                        + "X-Longrun-User of the account in X-Longrun-Account; the key may also be sent as Authorization: Bearer."));
        c.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A short-lived browser token (HS256 JWT) minted by the backend with LongrunTokens or POST /tokens: "
                        + "scoped to one user, or to one job. Event streams also take it as ?access_token=."));
        c.addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.COOKIE)
                .name("longrun_session").description("The dashboard's sign-in cookie, set by POST /session."));
    }

    /** Sign-in, the document itself and signed download links need no caller. */
    private void openOperations(OpenAPI api) {
        open(api, paths.path("/session"), PathItem.HttpMethod.POST);
        open(api, paths.path("/openapi.json"), PathItem.HttpMethod.GET);
        open(api, paths.path("/files/{token}"), PathItem.HttpMethod.GET);
    }

    private static void open(OpenAPI api, String path, PathItem.HttpMethod method) {
        Operation op = operation(api, path, method);
        if (op != null) {
            op.setSecurity(List.of());
        }
    }

    static Operation operation(OpenAPI api, String path, PathItem.HttpMethod method) {
        PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
        return item == null ? null : item.readOperationsMap().get(method);
    }

    /** One schema per registered job type, named {@code <type>.params}, from its params record; answers type → schema name. */
    private Map<String, String> paramsSchemas(Components c) {
        Map<String, String> names = new java.util.TreeMap<>();
        for (JobType<?> type : longrun.jobTypes()) {
            ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type.paramsType());
            String name = type.name() + ".params";
            Schema<?> schema = resolved == null || resolved.schema == null ? new Schema<>().type("object") : resolved.schema;
            SnakeCaseSchemas.rename(schema);
            schema.setDescription("params of " + type.name() + (type.label() == null ? "" : " (" + type.label() + ")"));
            c.addSchemas(name, schema);
            if (resolved != null && resolved.referencedSchemas != null) {
                resolved.referencedSchemas.forEach((n, s) -> {
                    if (c.getSchemas().get(n) == null) {
                        SnakeCaseSchemas.rename(s);
                        c.addSchemas(n, s);
                    }
                });
            }
            names.put(type.name(), name);
        }
        return names;
    }

    /**
     * {@code GET /jobs/{id}/items} answers a page of items as JSON ({@code next_offset}, each item's {@code retryable})
     * or every item as CSV; the controller returns either, so its schema is named here.
     */
    private void itemsOperation(OpenAPI api) {
        Operation items = operation(api, paths.path("/jobs/{id}/items"), PathItem.HttpMethod.GET);
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(JobDetailsController.ItemsView.class);
        if (items == null || items.getResponses() == null || resolved == null || resolved.schema == null) {
            return;
        }
        Components c = api.getComponents();
        SnakeCaseSchemas.rename(resolved.schema);
        c.addSchemas("ItemsView", resolved.schema);
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((n, s) -> {
                if (c.getSchemas().get(n) == null) {
                    SnakeCaseSchemas.rename(s);
                    c.addSchemas(n, s);
                }
            });
        }
        ApiResponse ok = items.getResponses().get("200");
        if (ok == null) {
            ok = new ApiResponse();
            items.getResponses().addApiResponse("200", ok);
        }
        ok.description("A page of the job's items in the order they were recorded (next_offset: the offset of the next page, "
                + "null on the last), or with format=csv every item as a spreadsheet.")
                .content(new io.swagger.v3.oas.models.media.Content()
                        .addMediaType("application/json", new io.swagger.v3.oas.models.media.MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/ItemsView")))
                        .addMediaType("text/csv", new io.swagger.v3.oas.models.media.MediaType().schema(new StringSchema())));
    }

    /** {@code POST /jobs/start}: a body per job type (discriminated by {@code type}); 202 new, 200 already started. */
    private void startOperation(OpenAPI api, Map<String, String> paramsSchemas) {
        Operation start = operation(api, paths.path("/jobs/start"), PathItem.HttpMethod.POST);
        if (start == null) {
            return;
        }
        Components c = api.getComponents();
        Schema<Object> request = new Schema<>();
        request.setDescription("What to start: a registered job type and its params.");
        io.swagger.v3.oas.models.media.Discriminator discriminator = new io.swagger.v3.oas.models.media.Discriminator().propertyName("type");
        for (Map.Entry<String, String> e : paramsSchemas.entrySet()) {
            String variant = "start." + e.getKey();
            Schema<Object> body = new Schema<>().type("object").required(List.of("type", "params"))
                    .addProperty("type", new StringSchema()._enum(List.of(e.getKey())))
                    .addProperty("params", new Schema<>().$ref("#/components/schemas/" + e.getValue()))
                    .addProperty("depends_on", new StringSchema().format("uuid").description("Start only after this job of yours succeeded."));
            c.addSchemas(variant, body);
            request.addOneOfItem(new Schema<>().$ref("#/components/schemas/" + variant));
            discriminator.mapping(e.getKey(), "#/components/schemas/" + variant);
        }
        request.setDiscriminator(discriminator);
        c.addSchemas("StartRequest", request);
        start.getRequestBody().getContent().values().forEach(m -> m.setSchema(new Schema<>().$ref("#/components/schemas/StartRequest")));
        start.setSummary("Start a job (once per Idempotency-Key)");
        start.setParameters(new java.util.ArrayList<>(start.getParameters() == null ? List.of() : start.getParameters()));
        start.getParameters().removeIf(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        start.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false).schema(new StringSchema().maxLength(255))
                .description("Same key again (per user, 24 h): the same job, answered 200, never a second one; with other params: 422."));
        ApiResponse ok = start.getResponses().get("200");
        if (ok != null) {
            ApiResponse created = new ApiResponse().description("A new job was started; Location names it.").content(ok.getContent())
                    .addHeaderObject("Location", new io.swagger.v3.oas.models.headers.Header().schema(new StringSchema()));
            ok.setDescription("This job was already started (same Idempotency-Key, or the same type and params still active).");
            start.getResponses().put("202", created);
        }
        List<String> ordered = start.getResponses().keySet().stream().sorted(Comparator.naturalOrder()).toList();
        io.swagger.v3.oas.models.responses.ApiResponses sorted = new io.swagger.v3.oas.models.responses.ApiResponses();
        ordered.forEach(k -> sorted.addApiResponse(k, start.getResponses().get(k)));
        start.setResponses(sorted);
    }
}
