package dev.longrun.spring.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import dev.longrun.spring.testapp.Gates;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The 304s of {@link NotModifiedFilter}, answered before Spring Security and Spring MVC: the same headers as the API's
 * own answers, and never a 304 where the API would refuse (wrong or revoked credentials, another user's job, a token
 * for another job) or where the job changed.
 */
@OnSqlite
class NotModifiedTest extends ApiTestBase {

    private final String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);

    /** A running job that waits at its gate, so its version holds still until the test opens the gate. */
    private String waitingJob(Api.Who who, String gate) {
        String id = startId(who, "test.steps", "{\"gate\":\"" + gate + "\",\"steps\":1}");
        awaitStatus(who, id, "running");
        return id;
    }

    private Api.Res conditional(Api.Who who, String id, String etag) {
        return api.get("/api/jobs/" + id).as(who).header("If-None-Match", etag).send();
    }

    @Test
    void a304CarriesTheApiHeadersAndAChangeGivesTheNewBody() {
        Api.Who who = newUser();
        String g = gate();
        String id = waitingJob(who, g);
        Api.Res full = api.get("/api/jobs/" + id).as(who).send();
        String etag = full.header("ETag");

        Api.Res same = conditional(who, id, etag);
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.bytes()).isEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        for (String h : new String[] {"Cache-Control", "X-Content-Type-Options", "X-Frame-Options", "X-XSS-Protection"}) {
            assertThat(same.header(h)).as(h).isEqualTo(full.header(h));
        }
        assertThat(conditional(who, id, "W/" + etag + ", \"other\"").status()).as("weak and listed forms").isEqualTo(304);
        assertThat(conditional(who, id, "\"0\"").status()).as("an old version").isEqualTo(200);

        for (int i = 0; i <= 1; i++) {
            Gates.open(g + "/" + i);
        }
        awaitStatus(who, id, "succeeded");
        Api.Res changed = conditional(who, id, etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        assertThat(changed.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(changed.header("ETag")).isEqualTo("\"" + changed.json().get("version").asLong() + "\"");
    }

    @Test
    void noOneButTheOwnerGetsA304() {
        Api.Who owner = newUser();
        String g = gate();
        String id = waitingJob(owner, g);
        String etag = api.get("/api/jobs/" + id).as(owner).send().header("ETag");

        assertThat(problem(conditional(newUser(), id, etag), 404).get("code").asString()).isEqualTo("not_found");
        assertThat(problem(conditional(Api.Who.apiKey("other-account", userOf(owner)), id, etag), 404).get("code").asString())
                .isEqualTo("not_found");
        Api.Res wrongKey = api.get("/api/jobs/" + id).header("X-Longrun-Api-Key", "not-the-key").header("X-Longrun-User", userOf(owner))
                .header("X-Longrun-Account", ACCOUNT).header("If-None-Match", etag).send();
        assertThat(problem(wrongKey, 401).get("code").asString()).isEqualTo("api_key_invalid");
        problem(conditional(Api.Who.nobody(), id, etag), 401);
        Api.Res noUser = api.get("/api/jobs/" + id).header("X-Longrun-Api-Key", Api.API_KEY).header("If-None-Match", etag).send();
        assertThat(noUser.status()).as(noUser.toString()).isIn(400, 401);
        String otherJobsToken = tokens.mintJobToken(ACCOUNT, userOf(owner), UUID.randomUUID());
        problem(conditional(Api.Who.bearer(otherJobsToken), id, etag), 404);
        String ownToken = tokens.mintJobToken(ACCOUNT, userOf(owner), UUID.fromString(id));
        assertThat(conditional(Api.Who.bearer(ownToken), id, etag).status()).isEqualTo(304);
        Gates.open(g + "/0");
        Gates.open(g + "/1");
    }

    @Test
    void aSignedOutSessionAndAnExpiredTokenAreRefusedAtOnce() {
        Api.Res in = api.post("/api/session").header("X-Forwarded-For", address)
                .json("{\"username\":\"alice\",\"password\":\"alice-password\"}").send();
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        String c = in.header("Set-Cookie");
        String cookie = c.substring(c.indexOf('=') + 1, c.indexOf(';'));
        String g = gate();
        String id = waitingJob(Api.Who.apiKey(ACCOUNT, "alice"), g);
        String etag = api.get("/api/jobs/" + id).as(Api.Who.cookie(cookie)).send().header("ETag");
        assertThat(conditional(Api.Who.cookie(cookie), id, etag).status()).isEqualTo(304);
        assertThat(conditional(Api.Who.bearer(cookie), id, etag).status()).isEqualTo(304);

        assertThat(api.method("DELETE", "/api/session").as(Api.Who.page(cookie)).send().status()).isEqualTo(204);
        assertThat(problem(conditional(Api.Who.cookie(cookie), id, etag), 401).get("detail").asString()).contains("signed out");
        problem(conditional(Api.Who.bearer(cookie), id, etag), 401);

        String token = tokens.mintUserToken(ACCOUNT, "alice");
        assertThat(conditional(Api.Who.bearer(token), id, etag).status()).isEqualTo(304);
        clock.shift(tokens.defaultTtl().plus(Duration.ofMinutes(1)));
        assertThat(problem(conditional(Api.Who.bearer(token), id, etag), 401).get("code").asString()).isEqualTo("token_expired");
        clock.reset();
        Gates.open(g + "/0");
        Gates.open(g + "/1");
    }
}
