package dev.longrun.spring.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.orders.HostApp;
import com.example.orders.HostStore;
import dev.longrun.spring.support.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * Longrun's OpenAPI document ({@code /api/openapi.json}, springdoc group "longrun") says what the API does: 202 on
 * start, the callers it accepts, problem answers, and the params of each registered job type; the host's endpoints
 * are not in it. The document is kept in {@code target/openapi-longrun.json} for reading.
 */
@SpringBootTest(classes = HostApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = HostStore.class)
class OpenApiContractTest {

    @LocalServerPort
    int port;
    JsonNode doc;

    @BeforeEach
    void read() throws Exception {
        Api.Res r = new Api(port).get("/api/openapi.json").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Files.write(Path.of("target", "openapi-longrun.json"), r.bytes());
        doc = r.json();
    }

    @Test
    void titleVersionAndOnlyLongrunsPaths() {
        assertThat(doc.at("/info/title").asString()).isEqualTo("Longrun API");
        assertThat(doc.at("/info/version").asString()).isEqualTo("1.0");
        assertThat(doc.get("paths").has("/api/jobs/{id}/events")).isTrue();
        assertThat(doc.get("paths").has("/api/jobs/counts")).as("the counts of the status tabs").isTrue();
        assertThat(doc.toString()).as("items in pages, each saying whether a retry can succeed")
                .contains("\"next_offset\"").contains("\"retryable\"").contains("\"cleared_at\"");
        assertThat(doc.get("paths").has("/api/orders")).as("the host's endpoint stays out of Longrun's group").isFalse();
    }

    /**
     * The document names its server relative to where it is served: a Host or X-Forwarded-Host header sent by anyone
     * is not written back into it (a shared cache would hand a "servers" URL of an attacker's choosing to everyone).
     */
    @Test
    void theServerIsRelativeAndNoHostHeaderIsWrittenIntoTheDocument() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/openapi.json"))
                .header("X-Forwarded-Host", "attacker.example").header("X-Forwarded-Proto", "https").build();
        String body = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).doesNotContain("attacker.example").doesNotContain("127.0.0.1");
        JsonNode servers = Api.JSON.readTree(body).get("servers");
        assertThat(servers).as(String.valueOf(servers)).hasSize(1);
        assertThat(servers.get(0).get("url").asString()).isEqualTo("/");
    }

    @Test
    void startAnswers202ForANewJobAnd200ForTheSameOneWithAJobBody() {
        JsonNode responses = doc.at("/paths/~1api~1jobs~1start/post/responses");
        assertThat(responses.has("202")).as(responses.toString()).isTrue();
        assertThat(responses.has("200")).isTrue();
        assertThat(responses.at("/202/content/application~1json/schema/$ref").asString()).endsWith("/JobView");
        assertThat(responses.at("/202/headers").has("Location")).isTrue();
        assertThat(responses.at("/422/content/application~1problem+json/schema/$ref").asString()).endsWith("/Problem");
        JsonNode idempotency = null;
        for (JsonNode p : doc.at("/paths/~1api~1jobs~1start/post/parameters")) {
            if (p.get("name").asString().equals("Idempotency-Key")) {
                idempotency = p;
            }
        }
        assertThat(idempotency).as("the Idempotency-Key header is documented").isNotNull();
    }

    @Test
    void eventStreamsAreDescribedAsEventStreams() {
        JsonNode content = doc.at("/paths/~1api~1jobs~1{id}~1events/get/responses/200/content");
        assertThat(content.has("text/event-stream")).as(content.toString()).isTrue();
        assertThat(content.at("/text~1event-stream/schema/type").asString()).isEqualTo("string");
    }

    @Test
    void theJobJsonIsTypedInSnakeCase() {
        JsonNode job = doc.at("/components/schemas/JobView/properties");
        assertThat(job.has("progress_pct")).as(job.toString()).isTrue();
        assertThat(job.has("status_label")).isTrue();
        assertThat(job.has("progressPct")).isFalse();
    }

    @Test
    void apiKeyBearerAndSessionSchemesAndOpenSignIn() {
        JsonNode schemes = doc.at("/components/securitySchemes");
        assertThat(schemes.at("/api_key/type").asString()).isEqualTo("apiKey");
        assertThat(schemes.at("/api_key/name").asString()).isEqualTo("X-Longrun-Api-Key");
        assertThat(schemes.at("/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
        assertThat(doc.get("security").toString()).contains("api_key").contains("bearer");
        assertThat(doc.at("/paths/~1api~1session/post/security").isArray()).isTrue();
        assertThat(doc.at("/paths/~1api~1session/post/security").size()).as("signing in needs no caller").isZero();
    }

    @Test
    void everyRegisteredTypeHasItsParamsSchemaAndAStartVariant() {
        JsonNode params = doc.at("/components/schemas/orders.archive.params");
        assertThat(params.at("/properties/customer/type").asString()).isEqualTo("string");
        assertThat(params.at("/properties/older_than_days/type").asString()).isEqualTo("integer");
        assertThat(params.at("/properties/tags/type").asString()).isEqualTo("array");
        JsonNode variant = doc.at("/components/schemas/start.orders.archive");
        assertThat(variant.at("/properties/type/enum/0").asString()).isEqualTo("orders.archive");
        assertThat(variant.at("/properties/params/$ref").asString()).endsWith("/orders.archive.params");
        assertThat(doc.at("/components/schemas/StartRequest/discriminator/propertyName").asString()).isEqualTo("type");
        JsonNode body = doc.at("/paths/~1api~1jobs~1start/post/requestBody/content/application~1json/schema/$ref");
        assertThat(body.asString()).endsWith("/StartRequest");
    }

    @Test
    void problemsAreDocumentedWhereTheyHappen() {
        assertThat(doc.at("/components/schemas/Problem/properties").has("detail")).isTrue();
        assertThat(doc.at("/paths/~1api~1jobs~1{id}/get/responses/404/content/application~1problem+json").isMissingNode()).isFalse();
        assertThat(doc.at("/paths/~1api~1jobs/get/responses").has("404")).as("a list has nothing to be missing").isFalse();
        assertThat(doc.at("/paths/~1api~1jobs/get/responses").has("401")).isTrue();
    }
}
