package dev.longrun.spring.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.security.LongrunTokens;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What every HTTP test needs: a client for the running app, fresh users, and helpers to start and await jobs. */
public abstract class ApiTestBase {

    protected static final String ACCOUNT = "acme";

    @LocalServerPort
    protected int port;
    @Autowired
    protected ShiftableClock clock;
    @Autowired
    protected LongrunTokens tokens;

    protected Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A user no other test uses, called through the API key. */
    protected static Api.Who newUser() {
        return Api.Who.apiKey(ACCOUNT, "user-" + UUID.randomUUID().toString().substring(0, 8));
    }

    protected static String userOf(Api.Who who) {
        return who.headers().get("X-Longrun-User");
    }

    protected static String gate() {
        return "gate-" + UUID.randomUUID();
    }

    protected Api.Res start(Api.Who who, String type, String paramsJson) {
        return api.post("/api/jobs/start").as(who).json("{\"type\":\"" + type + "\",\"params\":" + paramsJson + "}").send();
    }

    protected String startId(Api.Who who, String type, String paramsJson) {
        Api.Res r = start(who, type, paramsJson);
        assertThat(r.status()).as(r.toString()).isIn(200, 202);
        return r.json().get("id").asString();
    }

    protected JsonNode job(Api.Who who, String id) {
        Api.Res r = api.get("/api/jobs/" + id).as(who).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    protected JsonNode awaitStatus(Api.Who who, String id, String status) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .alias("job " + id + " reaches " + status)
                .until(() -> status.equals((last[0] = job(who, id)).get("status").asString()));
        return last[0];
    }

    protected JsonNode awaitStep(Api.Who who, String id, int step) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(25))
                .until(() -> (last[0] = job(who, id)).path("current_step").asInt(-1) == step);
        return last[0];
    }

    /** Asserts an RFC 9457 answer with this status, and returns it. */
    protected static JsonNode problem(Api.Res r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asString()).as("a detail a person can act on").isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        return p;
    }
}
