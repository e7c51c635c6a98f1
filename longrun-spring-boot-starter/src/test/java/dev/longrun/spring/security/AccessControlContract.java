package dev.longrun.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * User B (in every guise) against every endpoint for user A's job. Tried: an API key acting for B, an API key acting
 * for A's user name in another account, B's user token, bob's session cookie, a job token for another of A's jobs
 * (all answered 404, byte for byte like a job that does not exist), and A's expired token, a token signed with
 * another secret, an unsigned ("alg: none") token, B's token with its payload swapped for A's, a wrong API key and
 * no credentials at all (all 401). Afterwards A's jobs are unchanged and no job was started.
 */
public abstract class AccessControlContract extends ApiTestBase {

    record Endpoint(String method, String path) {
    }

    @Test
    void nobodyButTheOwnerReachesAJobAndIntrudersSeeWhatAMissingJobLooksLike() {
        Api.Who alice = newUser();
        String a = userOf(alice);
        String job = startId(alice, "test.export", "{\"rows\":2}");
        String otherJob = startId(alice, "test.fail", "{\"reason\":\"x\"}");
        awaitStatus(alice, job, "succeeded");
        awaitStatus(alice, otherJob, "failed");
        JsonNode before = job(alice, job);
        String download = before.get("result").get("url").asString();
        int aliceJobs = api.get("/api/jobs").as(alice).send().json().get("jobs").size();

        Map<String, Api.Who> notFound = new LinkedHashMap<>();
        notFound.put("API key acting for user B", Api.Who.apiKey(ACCOUNT, "user-b-" + UUID.randomUUID()));
        notFound.put("API key acting for A's name in another account", Api.Who.apiKey("other-account", a));
        notFound.put("user token of B", Api.Who.bearer(tokens.mintUserToken(ACCOUNT, "user-b")));
        notFound.put("session cookie of bob", Api.Who.page(tokens.mintUserToken(ACCOUNT, "bob")));
        notFound.put("job token of another job of A", Api.Who.bearer(tokens.mintJobToken(ACCOUNT, a, UUID.fromString(otherJob))));

        Map<String, Api.Who> unauthorized = new LinkedHashMap<>();
        clock.shift(Duration.ofHours(-9));
        String expired = tokens.mintUserToken(ACCOUNT, a);
        clock.reset();
        unauthorized.put("expired token of A", Api.Who.bearer(expired));
        unauthorized.put("token signed with another secret", Api.Who.bearer(new LongrunTokens(
                new SecretKeySpec("another-secret-another-secret-0123456789".getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                clock, Duration.ofHours(1)).mintUserToken(ACCOUNT, a)));
        unauthorized.put("unsigned alg-none token", Api.Who.bearer(unsigned(a)));
        unauthorized.put("B's token with A's payload", Api.Who.bearer(swapPayload(tokens.mintUserToken(ACCOUNT, "user-b"), tokens.mintUserToken(ACCOUNT, a))));
        unauthorized.put("wrong API key", new Api.Who(Map.of("X-Longrun-Api-Key", "guessed-key", "X-Longrun-Account", ACCOUNT, "X-Longrun-User", a)));
        unauthorized.put("no credentials", Api.Who.nobody());

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/jobs/{id}"), new Endpoint("GET", "/api/jobs/{id}/events"),
                new Endpoint("POST", "/api/jobs/{id}/cancel"), new Endpoint("POST", "/api/jobs/{id}/retry"),
                new Endpoint("POST", "/api/jobs/{id}/retry-failed"), new Endpoint("POST", "/api/jobs/{id}/confirm"),
                new Endpoint("GET", "/api/jobs/{id}/logs"), new Endpoint("GET", "/api/jobs/{id}/items?status=failed"),
                new Endpoint("GET", "/api/jobs/{id}/items?format=csv"), new Endpoint("POST", "/api/jobs/{id}/result-link"));

        String missing = UUID.randomUUID().toString();
        for (Map.Entry<String, Api.Who> intruder : notFound.entrySet()) {
            for (Endpoint e : endpoints) {
                Api.Res r = api.method(e.method(), e.path().replace("{id}", job)).as(intruder.getValue()).send();
                Api.Res absent = api.method(e.method(), e.path().replace("{id}", missing)).as(intruder.getValue()).send();
                assertThat(r.status()).as(intruder.getKey() + " " + e + ": " + r).isEqualTo(404);
                assertThat(r.body().replace(job, "ID")).as(intruder.getKey() + " " + e + " looks like a missing job")
                        .isEqualTo(absent.body().replace(missing, "ID"));
            }
            Api.Res file = api.get(download).as(intruder.getValue()).send();
            assertThat(file.status()).as(intruder.getKey() + " download: " + file).isEqualTo(404);
            Api.Res list = api.get("/api/jobs?ids=" + job).as(intruder.getValue()).send();
            assertThat(list.json().get("jobs")).as(intruder.getKey() + " batch poll").isEmpty();
        }
        for (Map.Entry<String, Api.Who> intruder : unauthorized.entrySet()) {
            for (Endpoint e : endpoints) {
                Api.Res r = api.method(e.method(), e.path().replace("{id}", job)).as(intruder.getValue()).send();
                assertThat(r.status()).as(intruder.getKey() + " " + e + ": " + r).isEqualTo(401);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(api.get("/api/jobs").as(intruder.getValue()).send().status()).isEqualTo(401);
        }

        JsonNode after = job(alice, job);
        assertThat(after.get("version")).as("nothing changed").isEqualTo(before.get("version"));
        assertThat(job(alice, otherJob).get("status").asString()).isEqualTo("failed");
        assertThat(api.get("/api/jobs").as(alice).send().json().get("jobs").size()).as("no job was started").isEqualTo(aliceJobs);
    }

    @Test
    void jobTokenWorksForItsJobOnly() {
        Api.Who alice = newUser();
        String job = startId(alice, "test.fail", "{\"reason\":\"x\"}");
        awaitStatus(alice, job, "failed");
        Api.Who scoped = Api.Who.bearer(tokens.mintJobToken(ACCOUNT, userOf(alice), UUID.fromString(job)));
        assertThat(api.get("/api/jobs/" + job).as(scoped).send().status()).isEqualTo(200);
        assertThat(api.get("/api/jobs/" + job + "/logs").as(scoped).send().status()).isEqualTo(200);
        JsonNode listed = api.get("/api/jobs").as(scoped).send().json().get("jobs");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(job);
        JsonNode askedToCount = api.get("/api/jobs?counts=true").as(scoped).send().json();
        assertThat(askedToCount.get("jobs")).hasSize(1);
        assertThat(askedToCount.has("counts")).as("a job token may not count the person's jobs").isFalse();
        problem(start(scoped, "test.steps", "{\"steps\":0}"), 403);
        problem(api.post("/api/jobs/cancel-all").as(scoped).send(), 403);
    }

    @Test
    void backendMintsTokensWithItsApiKeyOnly() {
        Api.Who alice = newUser();
        String job = startId(alice, "test.fail", "{\"reason\":\"x\"}");
        Api.Res minted = api.post("/api/tokens").as(Api.Who.apiKey(ACCOUNT, "backend"))
                .json("{\"account_id\":\"" + ACCOUNT + "\",\"user_id\":\"" + userOf(alice) + "\",\"job_id\":\"" + job + "\",\"ttl_seconds\":600}").send();
        assertThat(minted.status()).as(minted.toString()).isEqualTo(200);
        String token = minted.json().get("token").asString();
        assertThat(api.get("/api/jobs/" + job).as(Api.Who.bearer(token)).send().status()).isEqualTo(200);
        problem(api.post("/api/tokens").as(Api.Who.bearer(token)).json("{\"user_id\":\"x\",\"account_id\":\"y\"}").send(), 403);
        problem(api.post("/api/tokens").as(Api.Who.apiKey(ACCOUNT, "backend"))
                .json("{\"account_id\":\"" + ACCOUNT + "\",\"user_id\":\"someone-else\",\"job_id\":\"" + job + "\"}").send(), 404);
        problem(api.post("/api/tokens").as(Api.Who.apiKey(ACCOUNT, "backend"))
                .json("{\"account_id\":\"" + ACCOUNT + "\",\"user_id\":\"u\",\"ttl_seconds\":-5}").send(), 400);
    }

    @Test
    void dashboardSignInSetsAnHttpOnlyCookieTheApiAccepts() {
        Api.Res wrong = api.post("/api/session").json("{\"username\":\"alice\",\"password\":\"guess\"}").send();
        assertThat(problem(wrong, 401).get("detail").asString()).isEqualTo("Wrong username or password.");
        problem(api.post("/api/session").json("{\"username\":\"nobody\",\"password\":\"guess\"}").send(), 401);
        Api.Res ok = api.post("/api/session").json("{\"username\":\"alice\",\"password\":\"alice-password\"}").send();
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        String cookie = ok.header("Set-Cookie");
        assertThat(cookie).contains("longrun_session=").contains("HttpOnly").contains("SameSite=Strict");
        String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
        JsonNode me = api.get("/api/session").as(Api.Who.cookie(value)).send().json();
        assertThat(me.get("user_id").asString()).isEqualTo("alice");
        assertThat(me.get("display_name").asString()).isEqualTo("Alice Example");
        assertThat(api.get("/api/jobs").as(Api.Who.cookie(value)).send().status()).isEqualTo(200);
        assertThat(ok.json().path("token").isNull()).as("the token stays in the HttpOnly cookie").isTrue();
        Api.Res out = api.method("DELETE", "/api/session").as(Api.Who.page(value)).send();
        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    }

    @Test
    void signingOutOneSessionLeavesAnotherSessionOfTheSamePersonSignedIn() {
        // Both sign-ins happen at the same instant of the test clock: their tokens must still differ.
        String first = sessionCookie(api.post("/api/session").json("{\"username\":\"alice\",\"password\":\"alice-password\"}").send());
        String second = sessionCookie(api.post("/api/session").json("{\"username\":\"alice\",\"password\":\"alice-password\"}").send());
        assertThat(first).isNotEqualTo(second);

        assertThat(api.method("DELETE", "/api/session").as(Api.Who.page(first)).send().status()).isEqualTo(204);

        problem(api.get("/api/session").as(Api.Who.cookie(first)).send(), 401);
        assertThat(api.get("/api/session").as(Api.Who.cookie(second)).send().json().get("user_id").asString()).isEqualTo("alice");
        api.method("DELETE", "/api/session").as(Api.Who.page(second)).send();
    }

    private static String sessionCookie(Api.Res signIn) {
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        String cookie = signIn.header("Set-Cookie");
        return cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    }

    private static String unsigned(String user) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"longrun\",\"sub\":\"" + user + "\",\"account\":\"" + ACCOUNT
                + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    private static String swapPayload(String signedForB, String forA) {
        String[] b = signedForB.split("\\.");
        String[] a = forA.split("\\.");
        return b[0] + "." + a[1] + "." + b[2];
    }
}
