package dev.longrun.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.OnSqlite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The protections of the dashboard session (issue 12): sign-in throttling per user and per client address, sign-out
 * revoking the cookie, same-origin writes for cookie callers, a Secure cookie behind a TLS proxy. Each test claims a
 * client address of its own with X-Forwarded-For (the test client is a trusted local proxy), so lockouts stay in it.
 */
@OnSqlite
class SessionProtectionTest extends ApiTestBase {

    /** The last address a test of this class claimed: each test locks out its own, never another test's. */
    private static final AtomicInteger LAST_ADDRESS = new AtomicInteger();

    // One address per test (JUnit makes an instance per test). They were drawn at random from 254, and two tests once
    // drew the same: the sign-out test found its address locked by the 20 wrong names of another test (a CI run).
    private final String address = "203.0.113." + LAST_ADDRESS.incrementAndGet();

    @Test
    void thirtyWrongPasswordsInARowAreSlowedDownThenLockedOutWithRetryAfter() {
        List<Integer> statuses = new ArrayList<>();
        Api.Res last = null;
        for (int i = 0; i < 30; i++) {
            last = signIn("alice", "guess-" + i);
            statuses.add(last.status());
            if (last.status() == 429) {
                assertThat(Long.parseLong(last.header("Retry-After"))).isPositive();
            }
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        // after five, each wrong password doubles the wait (1 s, 2 s, 4 s…): however slow this machine, few more are checked
        assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isLessThanOrEqualTo(8);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(22);
        assertThat(problem(last, 429).get("detail").asString()).contains("Too many wrong passwords");
        assertThat(signIn("alice", "alice-password").status()).as("even the right password waits").isEqualTo(429);

        clock.shift(Duration.ofMinutes(15));
        assertThat(signIn("alice", "alice-password").status()).isEqualTo(200);
        assertThat(signIn("alice", "another-guess").status()).as("a success starts the count again").isEqualTo(401);
        assertThat(signIn("alice", "alice-password").status()).isEqualTo(200);
    }

    @Test
    void aUserWhoDoesNotExistIsThrottledExactlyLikeOneWhoDoes() {
        List<String> real = new ArrayList<>();
        List<String> ghost = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Api.Res a = signIn("bob", "guess");
            Api.Res g = signInFrom("198.51.100." + ThreadLocalRandom.current().nextInt(1, 255), "nobody-" + address, "guess");
            real.add(a.status() + " " + a.header("Retry-After") + " " + a.json().get("detail").asString());
            ghost.add(g.status() + " " + g.header("Retry-After") + " " + g.json().get("detail").asString());
        }
        assertThat(ghost).isEqualTo(real);
        clock.shift(Duration.ofMinutes(15));
        assertThat(signIn("bob", "bob-password").status()).as("and bob may sign in again later").isIn(200, 401);
    }

    @Test
    void oneClientAddressTryingManyNamesIsLockedOutToo() {
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("name-" + i, "guess").status()).isEqualTo(401);
        }
        Api.Res locked = signIn("alice", "alice-password");
        problem(locked, 429);
        assertThat(locked.header("Retry-After")).isNotBlank();
    }

    @Test
    void signingOutRevokesTheSessionAndTheSignInAnswerHoldsNoToken() {
        Api.Res in = signIn("alice", "alice-password");
        assertThat(in.status()).as(in.toString()).isEqualTo(200);
        assertThat(in.json().path("token").isNull()).isTrue();
        String cookie = cookieValue(in);
        assertThat(api.get("/api/jobs").as(Api.Who.cookie(cookie)).send().status()).isEqualTo(200);

        assertThat(api.method("DELETE", "/api/session").as(Api.Who.page(cookie)).send().status()).isEqualTo(204);

        Api.Res after = api.get("/api/jobs").as(Api.Who.cookie(cookie)).send();
        assertThat(problem(after, 401).get("detail").asString()).contains("signed out");
        problem(api.get("/api/jobs").as(Api.Who.bearer(cookie)).send(), 401);
    }

    @Test
    void cookieWritesFromAnotherSiteAreRefusedAndFromThisSiteAccepted() {
        String cookie = cookieValue(signIn("alice", "alice-password"));
        String self = api.base();
        for (String foreign : new String[] {"https://evil.example", "null", "http://127.0.0.1:1", self.replace("http:", "https:")}) {
            Api.Res r = api.post("/api/jobs/cancel-all").as(Api.Who.cookie(cookie)).header("Origin", foreign).send();
            assertThat(problem(r, 403).get("code").asString()).as(foreign).isEqualTo("cross_site_request");
        }
        problem(api.post("/api/jobs/cancel-all").as(Api.Who.cookie(cookie)).send(), 403);
        problem(api.post("/api/jobs/cancel-all").as(Api.Who.cookie(cookie)).header("Sec-Fetch-Site", "cross-site").send(), 403);
        problem(api.post("/api/jobs/cancel-all").as(Api.Who.cookie(cookie)).body("text/plain", "x".getBytes()).header("Origin", "https://evil.example").send(), 403);
        problem(api.method("DELETE", "/api/session").as(Api.Who.cookie(cookie)).header("Origin", "https://evil.example").send(), 403);

        assertThat(api.post("/api/jobs/cancel-all").as(Api.Who.cookie(cookie)).header("Origin", self).send().status()).isEqualTo(200);
        assertThat(api.post("/api/notifications/read-all").as(Api.Who.cookie(cookie)).header("Sec-Fetch-Site", "same-origin").send().status()).isIn(200, 204);
        assertThat(api.post("/api/jobs/clear-finished").as(Api.Who.page(cookie)).send().status()).isEqualTo(200);
        assertThat(api.get("/api/jobs").as(Api.Who.cookie(cookie)).header("Origin", "https://evil.example").send().status())
                .as("reads are not writes").isEqualTo(200);
        assertThat(api.post("/api/jobs/cancel-all").as(newUser()).header("Origin", "https://evil.example").send().status())
                .as("API keys are not sent by browsers on their own: unaffected").isEqualTo(200);
        problem(api.post("/api/session").header("Origin", "https://evil.example").header("X-Forwarded-For", address)
                .json("{\"username\":\"alice\",\"password\":\"alice-password\"}").send(), 403);
    }

    @Test
    void theCookieIsSecureWhenAProxySaysTheRequestCameOverTls() {
        Api.Res plain = signIn("alice", "alice-password");
        assertThat(plain.header("Set-Cookie")).as(plain.toString()).doesNotContain("Secure");
        Api.Res viaTls = api.post("/api/session").header("X-Forwarded-For", address).header("X-Forwarded-Proto", "https")
                .json("{\"username\":\"alice\",\"password\":\"alice-password\"}").send();
        assertThat(viaTls.status()).as(viaTls.toString()).isEqualTo(200);
        assertThat(viaTls.header("Set-Cookie")).contains("Secure").contains("HttpOnly").contains("SameSite=Strict");
    }

    private Api.Res signIn(String user, String password) {
        return signInFrom(address, user, password);
    }

    private Api.Res signInFrom(String from, String user, String password) {
        return api.post("/api/session").header("X-Forwarded-For", from)
                .json("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").send();
    }

    private static String cookieValue(Api.Res r) {
        String c = r.header("Set-Cookie");
        return c.substring(c.indexOf('=') + 1, c.indexOf(';'));
    }
}
