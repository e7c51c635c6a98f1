package dev.longrun.spring.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input a client can send is answered with an RFC 9457 problem naming what to fix, and starts nothing.
 * Tried: malformed JSON, an empty body, a JSON array body, wrong content type, missing/blank/numeric/unknown type,
 * params that are an array or a string, an unknown top-level field, a bad depends_on, an empty or 300-character
 * Idempotency-Key, a body over the limit, params nested 1,000 deep, an invalid UUID in the path, limit of -1, 0, 100000 and "ten", an unknown
 * status filter, a bad id in ids, a bogus cursor, cursors with instants past the year 9999 or before 1970, an unknown
 * path, a wrong method, a bad Last-Event-ID, Content-Types and Accept headers that cannot be parsed (;;; , an unknown
 * charset, q=abc, an unclosed quote).
 */
public abstract class BadInputContract extends ApiTestBase {

    @Test
    void badStartRequestsAreProblemsNamingTheFieldAndStartNothing() {
        Api.Who who = newUser();
        assertThat(problem(post(who, "{\"type\": \"test.steps\", "), 400).get("detail").asString()).contains("not valid JSON");
        problem(post(who, ""), 400);
        problem(post(who, "[1,2]"), 400);
        assertThat(problem(post(who, "{\"params\":{}}"), 400).get("field").asString()).isEqualTo("type");
        problem(post(who, "{\"type\":\"  \"}"), 400);
        problem(post(who, "{\"type\":42}"), 400);
        JsonNode unknown = problem(post(who, "{\"type\":\"no.such.type\"}"), 400);
        assertThat(unknown.get("detail").asString()).contains("no.such.type").contains("test.steps");
        assertThat(problem(post(who, "{\"type\":\"test.steps\",\"params\":[1]}"), 400).get("field").asString()).isEqualTo("params");
        problem(post(who, "{\"type\":\"test.steps\",\"params\":\"steps=3\"}"), 400);
        assertThat(problem(post(who, "{\"type\":\"test.steps\",\"parms\":{}}"), 400).get("field").asString()).isEqualTo("parms");
        assertThat(problem(post(who, "{\"type\":\"test.steps\",\"depends_on\":\"yesterday\"}"), 400).get("field").asString()).isEqualTo("depends_on");
        problem(post(who, "{\"type\":\"test.steps\",\"depends_on\":\"" + UUID.randomUUID() + "\"}"), 400);
        problem(api.post("/api/jobs/start").as(who).header("Idempotency-Key", " ").json("{\"type\":\"test.steps\",\"params\":{\"steps\":0}}").send(), 400);
        problem(api.post("/api/jobs/start").as(who).header("Idempotency-Key", "k".repeat(300)).json("{\"type\":\"test.steps\",\"params\":{\"steps\":0}}").send(), 400);
        JsonNode wrongType = problem(api.post("/api/jobs/start").as(who).body("text/plain", "type=test.steps".getBytes()).send(), 415);
        assertThat(wrongType.get("detail").asString()).contains("application/json");
        // nested deeper than the parser allows: the limit is said, not the Java setting that holds it
        String deep = "{\"type\":\"test.steps\",\"params\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";
        assertThat(problem(post(who, deep), 400).get("detail").asString()).contains("nesting depth").doesNotContain("`").doesNotContain("Constraints");
        String huge = "{\"type\":\"test.steps\",\"params\":{\"steps\":0,\"pad\":\"" + "x".repeat(40_000) + "\"}}";
        problem(post(who, huge), 413);
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs")).as("nothing was started").isEmpty();
    }

    @Test
    void paramsThatDoNotBindAreRefusedOrFailTheJobNamingTheField() {
        Api.Who who = newUser();
        Api.Res r = post(who, "{\"type\":\"test.steps\",\"params\":{\"steps\":\"many\"}}");
        if (r.status() == 400) {
            JsonNode refused = problem(r, 400);
            assertThat(refused.get("detail").asString()).isEqualTo("Parameter 'steps' must be a whole number (got \"many\").");
            assertThat(refused.get("field").asString()).isEqualTo("steps");
        } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(202);
            JsonNode failed = awaitStatus(who, r.json().get("id").asString(), "failed");
            assertThat(failed.get("error_message").asString()).contains("steps");
        }
    }

    @Test
    void badPathsAndQueriesAreProblems() {
        Api.Who who = newUser();
        assertThat(problem(api.get("/api/jobs/not-a-uuid").as(who).send(), 400).get("detail").asString()).contains("not-a-uuid");
        for (String limit : new String[] {"-1", "0", "100000", "ten"}) {
            assertThat(problem(api.get("/api/jobs?limit=" + limit).as(who).send(), 400).get("field").asString()).isEqualTo("limit");
        }
        assertThat(problem(api.get("/api/jobs?status=done").as(who).send(), 400).get("field").asString()).isEqualTo("status");
        assertThat(problem(api.get("/api/jobs?ids=1,2").as(who).send(), 400).get("field").asString()).isEqualTo("ids");
        problem(api.get("/api/jobs?cursor=bogus-cursor").as(who).send(), 400);
        // well-formed cursors with instants no job can have: the largest and smallest overflowed the store's binding (a 500)
        for (String at : new String[] {"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"}) {
            String raw = "1|" + at + "|" + UUID.randomUUID() + "|2026-11-30T03:30:50.752Z";
            String cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(problem(api.get("/api/jobs?cursor=" + cursor).as(who).send(), 400).get("detail").asString()).as(at)
                    .contains("is not one this server returned");
        }
        problem(api.get("/api/jobs/" + UUID.randomUUID() + "/items?status=maybe").as(who).send(), 404);
        JsonNode noRoute = problem(api.get("/api/nothing/here").as(who).send(), 404);
        assertThat(noRoute.get("detail").asString()).contains("/api/nothing/here");
        Api.Res wrongMethod = api.method("DELETE", "/api/jobs/" + UUID.randomUUID()).as(who).send();
        problem(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        problem(api.method("PUT", "/api/jobs/start").as(who).json("{}").send(), 405);
    }

    @Test
    void aGetOfAPostOnlyActionIsMethodNotAllowedNamingPost() {
        // Tried: GET (and HEAD) of /jobs/start, /jobs/cancel-all and /jobs/clear-finished; they reached GET /jobs/{id}
        // and were answered 400 "'start' is not a job id".
        Api.Who who = newUser();
        for (String action : new String[] {"start", "cancel-all", "clear-finished"}) {
            Api.Res r = api.get("/api/jobs/" + action).as(who).send();
            JsonNode refused = problem(r, 405);
            assertThat(r.header("Allow")).as(action).isEqualTo("POST");
            assertThat(refused.get("code").asString()).isEqualTo("method_not_allowed");
            assertThat(refused.get("detail").asString()).as(action).isEqualTo("GET is not supported on /api/jobs/" + action + "; use POST.");
            Api.Res head = api.method("HEAD", "/api/jobs/" + action).as(who).send();
            assertThat(head.status()).as(action).isEqualTo(405);
            assertThat(head.header("Allow")).as(action).isEqualTo("POST");
        }
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs")).as("nothing was started").isEmpty();
    }

    @Test
    void anUnreadableContentTypeOrAcceptIsQuotedBack() {
        // They were answered "Content-Type (none) is not accepted here" and "This resource is available as ; change the Accept header."
        Api.Who who = newUser();
        for (String type : new String[] {";;;", "application/json; charset=nonexistent", "application/json;q=abc", "application",
                "application/json; charset=\"utf-8"}) {
            JsonNode refused = problem(api.post("/api/jobs/start").as(who).body(type, "{\"type\":\"test.steps\"}".getBytes()).send(), 415);
            assertThat(refused.get("detail").asString()).as(type).contains("'" + type + "'").contains("application/json").doesNotContain("(none)");
        }
        for (String accept : new String[] {"*/*;q=abc", ";;;", "application/json;q=", "text/"}) {
            JsonNode refused = problem(api.get("/api/jobs").as(who).header("Accept", accept).send(), 400);
            assertThat(refused.get("detail").asString()).as(accept).contains("'" + accept + "'").contains("application/json");
            assertThat(refused.get("code").asString()).isEqualTo("invalid_header");
        }
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs")).as("nothing was started").isEmpty();
    }

    @Test
    void badLastEventIdIsAProblem() {
        Api.Who who = newUser();
        String id = startId(who, "test.fail", "{\"reason\":\"x\"}");
        problem(api.get("/api/jobs/" + id + "/events").as(who).header("Last-Event-ID", "yesterday").send(), 400);
    }

    @Test
    void apiKeyWorksAsABearerValueToo() {
        Api.Res r = api.get("/api/jobs").header("Authorization", "Bearer " + Api.API_KEY)
                .header("X-Longrun-User", "u-bearer").header("X-Longrun-Account", ACCOUNT).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        problem(api.get("/api/jobs").header("Authorization", "Bearer not-a-key")
                .header("X-Longrun-User", "u-bearer").header("X-Longrun-Account", ACCOUNT).send(), 401);
    }

    @Test
    void apiKeyCallsMustNameTheUserTheyActFor() {
        Api.Res r = api.get("/api/jobs").header("X-Longrun-Api-Key", Api.API_KEY).send();
        assertThat(problem(r, 400).get("detail").asString()).contains("X-Longrun-User");
        problem(api.get("/api/jobs").header("X-Longrun-Api-Key", Api.API_KEY).header("X-Longrun-User", "u").send(), 400);
        problem(api.get("/api/jobs").header("Authorization", "Basic dXNlcjpwYXNz").send(), 401);
        String token = tokens.mintUserToken(ACCOUNT, "someone");
        assertThat(problem(api.get("/api/jobs?access_token=" + token).send(), 401).get("detail").asString()).contains("event streams");
    }

    private Api.Res post(Api.Who who, String json) {
        return api.post("/api/jobs/start").as(who).json(json).send();
    }
}
