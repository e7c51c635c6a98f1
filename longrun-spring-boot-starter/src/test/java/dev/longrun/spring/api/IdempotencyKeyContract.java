package dev.longrun.spring.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An Idempotency-Key is remembered for its lifetime (24 h in the test app too) whatever happens to its job: a repeat
 * after the job finished returns it, after it was cleared is a 409, with other params a 422; after expiry the key starts
 * a new job. Run against each store.
 */
public abstract class IdempotencyKeyContract extends ApiTestBase {

    private static final String BODY = "{\"type\":\"test.fail\",\"params\":{\"reason\":\"%s\"}}";

    private Api.Res startWithKey(Api.Who who, String key, String reason) {
        return api.post("/api/jobs/start").as(who).header("Idempotency-Key", key).json(BODY.formatted(reason)).send();
    }

    @Test
    void aRepeatAfterTheJobFinishedReturnsThatJobWith200() {
        Api.Who who = newUser();
        String key = "k-" + UUID.randomUUID();
        Api.Res first = startWithKey(who, key, "quick");
        assertThat(first.status()).as(first.toString()).isEqualTo(202);
        String id = first.json().get("id").asString();
        awaitStatus(who, id, "failed");

        Api.Res again = startWithKey(who, key, "quick");

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.json().get("status").asString()).isEqualTo("failed");
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs").size()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithOtherParamsAfterCompletionIs422() {
        Api.Who who = newUser();
        String key = "k-" + UUID.randomUUID();
        awaitStatus(who, startWithKey(who, key, "first").json().get("id").asString(), "failed");

        JsonNode p = problem(startWithKey(who, key, "second"), 422);

        assertThat(p.get("detail").asString()).contains("Idempotency-Key").contains("new key");
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs").size()).isEqualTo(1);
    }

    @Test
    void aRepeatAfterTheJobWasClearedAnswersWithThatJobAndStartsNothing() {
        Api.Who who = newUser();
        String key = "k-" + UUID.randomUUID();
        String id = startWithKey(who, key, "cleared").json().get("id").asString();
        awaitStatus(who, id, "failed");
        assertThat(api.post("/api/jobs/clear-finished").as(who).send().status()).isEqualTo(200);

        Api.Res repeat = startWithKey(who, key, "cleared");

        // Clearing hides a job from the list but keeps it until retention, so its key still answers with it.
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.json().get("id").asString()).isEqualTo(id);
        assertThat(repeat.json().get("status").asString()).isEqualTo("failed");
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs").size()).isZero();
        assertThat(api.get("/api/jobs?history=true").as(who).send().json().get("jobs").size()).isEqualTo(1);
    }

    @Test
    void afterTheKeyExpiredTheSameKeyStartsANewJob() {
        Api.Who who = newUser();
        String key = "k-" + UUID.randomUUID();
        String first = startWithKey(who, key, "old").json().get("id").asString();
        awaitStatus(who, first, "failed");
        clock.shift(Duration.ofHours(24).plusMinutes(1));

        Api.Res again = startWithKey(who, key, "old");

        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().get("id").asString()).isNotEqualTo(first);
        // The new job is due at the shifted time: wait for it before the clock goes back (after that it would be due
        // tomorrow and a worker that had not claimed it yet never would; that failed on a busy machine).
        awaitStatus(who, again.json().get("id").asString(), "failed");
    }

    @Test
    void twoUsersMayPickTheSameKey() {
        String key = "k-" + UUID.randomUUID();
        Api.Res ann = startWithKey(newUser(), key, "shared");
        Api.Res bob = startWithKey(newUser(), key, "shared");
        assertThat(ann.status()).isEqualTo(202);
        assertThat(bob.status()).isEqualTo(202);
        assertThat(bob.json().get("id")).isNotEqualTo(ann.json().get("id"));
    }
}
