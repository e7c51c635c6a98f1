package dev.longrun.spring.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.testapp.Gates;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Starting jobs (idempotently), reading one, polling many, paging: run against each store. */
public abstract class StartAndReadContract extends ApiTestBase {

    @Autowired
    private Longrun longrun;

    @Test
    void startAnswers202WithLocationAndEveryDocumentedJobField() {
        Api.Who who = newUser();
        Api.Res r = start(who, "test.steps", "{\"steps\":0}");
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        JsonNode job = r.json();
        assertThat(r.header("Location")).isEqualTo("/api/jobs/" + job.get("id").asString());
        for (String field : List.of("id", "type", "status", "status_label", "progress_pct", "progress_message", "current_step",
                "total_steps", "queue_position", "queue_size", "queue_more_than", "waiting_for", "created_at", "started_at", "completed_at",
                "updated_at", "estimated_duration_seconds", "eta", "attempt", "max_attempts", "cancellable", "cancel_requested",
                "params", "result", "error_message", "error", "summary", "retry_of", "version")) {
            assertThat(job.has(field)).as("job JSON has " + field + ": " + job).isTrue();
        }
        assertThat(job.get("type").asString()).isEqualTo("test.steps");
        assertThat(job.get("params").get("steps").asInt()).isEqualTo(0);
        JsonNode done = awaitStatus(who, job.get("id").asString(), "succeeded");
        assertThat(done.get("status_label").asString()).isEqualTo("Completed");
        assertThat(done.get("result").get("message").asString()).isEqualTo("Went through 0 steps");
    }

    @Test
    void sameIdempotencyKeyAndParamsAnswers200WithTheSameJob() {
        Api.Who who = newUser();
        String g = gate();
        String body = "{\"type\":\"test.steps\",\"params\":{\"gate\":\"" + g + "\",\"steps\":1}}";
        Api.Res first = api.post("/api/jobs/start").as(who).header("Idempotency-Key", "k-" + g).json(body).send();
        Api.Res again = api.post("/api/jobs/start").as(who).header("Idempotency-Key", "k-" + g).json(body).send();
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        openAll(g, 1);
    }

    @Test
    void sameIdempotencyKeyWithOtherParamsIs422AndStartsNothing() {
        Api.Who who = newUser();
        String g = gate();
        api.post("/api/jobs/start").as(who).header("Idempotency-Key", "k-" + g)
                .json("{\"type\":\"test.steps\",\"params\":{\"gate\":\"" + g + "\",\"steps\":1}}").send();
        Api.Res reused = api.post("/api/jobs/start").as(who).header("Idempotency-Key", "k-" + g)
                .json("{\"type\":\"test.steps\",\"params\":{\"gate\":\"" + g + "\",\"steps\":2}}").send();
        JsonNode p = problem(reused, 422);
        assertThat(p.get("detail").asString()).contains("Idempotency-Key").contains("new key");
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs").size()).isEqualTo(1);
        openAll(g, 1);
    }

    @Test
    void sameRequestWithoutKeyWhileActiveReturnsTheActiveJob() {
        Api.Who who = newUser();
        String g = gate();
        String params = "{\"gate\":\"" + g + "\",\"steps\":1}";
        Api.Res first = start(who, "test.steps", params);
        Api.Res again = start(who, "test.steps", params);
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        openAll(g, 1);
    }

    @Test
    void hundredSimultaneousIdenticalStartsMakeOneJobAnd99Answers200() throws Exception {
        Api.Who who = newUser();
        String g = gate();
        String params = "{\"gate\":\"" + g + "\",\"steps\":1}";
        List<Callable<Api.Res>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(() -> start(who, "test.steps", params));
        }
        List<Api.Res> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Api.Res> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        }
        assertThat(answers).filteredOn(r -> r.status() == 202).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(99);
        assertThat(answers.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
        openAll(g, 1);
    }

    @Test
    void getWithMatchingEtagAnswers304UntilTheJobChanges() {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        awaitStatus(who, id, "running"); // then it waits at its gate: no change until the test opens it
        Api.Res first = api.get("/api/jobs/" + id).as(who).send();
        String etag = first.header("ETag");
        assertThat(etag).isEqualTo("\"" + first.json().get("version").asLong() + "\"");
        Api.Res same = api.get("/api/jobs/" + id).as(who).header("If-None-Match", etag).send();
        assertThat(same.status()).isEqualTo(304);
        assertThat(same.bytes()).isEmpty();
        openAll(g, 1);
        awaitStatus(who, id, "succeeded");
        Api.Res changed = api.get("/api/jobs/" + id).as(who).header("If-None-Match", etag).send();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void aQueuedJobHasTheSamePlaceInLineInTheListAsReadAlone() {
        Api.Who who = newUser();
        String g = gate();
        // On a queue no worker serves: nothing leaves the line while it is read (a node claims ahead of its free
        // workers, so jobs queued behind busy workers can still be taken from the line).
        String body = "{\"type\":\"test.unserved\",\"params\":{}}";
        List<JsonNode> started = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                started.add(api.post("/api/jobs/start").as(who).header("Idempotency-Key", g + "-queued-" + i).json(body).send().json());
            }

            JsonNode listed = api.get("/api/jobs?status=pending").as(who).send().json().get("jobs");
            assertThat(listed).hasSize(3);
            int previous = 0;
            for (JsonNode answer : started) {
                String id = answer.get("id").asString();
                JsonNode alone = job(who, id);
                JsonNode inList = null;
                for (JsonNode j : listed) {
                    inList = j.get("id").asString().equals(id) ? j : inList;
                }
                assertThat(inList).as("job %s in the list", id).isNotNull();
                for (String field : List.of("queue_position", "queue_size", "queue_more_than")) {
                    assertThat(inList.get(field)).as("%s of %s in the list and alone", field, id).isEqualTo(alone.get(field));
                }
                int position = alone.get("queue_position").asInt();
                assertThat(position).as("%s", alone).isGreaterThan(previous).isLessThanOrEqualTo(alone.get("queue_size").asInt());
                assertThat(answer.get("queue_position").asInt()).as("the start's answer, before later jobs joined").isEqualTo(position);
                assertThat(alone.get("queue_more_than").isNull()).as("a short line is counted whole: %s", alone).isTrue();
                previous = position;
            }
        } finally {
            api.post("/api/jobs/cancel-all").as(who).send();
        }
    }

    @Test
    void aLineLongerThanAThousandSaysSoInTheListAndAloneAlike() {
        Api.Who who = newUser();
        String g = gate();
        List<StartRequest> batch = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            batch.add(new StartRequest("test.unserved", Map.of(),
                    StartOptions.forUser(ACCOUNT, userOf(who)).idempotencyKey(g + "-line-" + i)));
        }
        try {
            List<String> line = longrun.startAll(batch).stream().map(r -> r.job().id().toString()).toList();
            JsonNode first = job(who, line.get(0));
            JsonNode last = job(who, line.get(line.size() - 1));
            assertThat(first.get("queue_position").asInt()).as("%s", first).isBetween(1, 1_000);
            assertThat(first.get("queue_size").isNull()).as("%s", first).isTrue();
            assertThat(first.get("queue_more_than").asInt()).isEqualTo(1_000);
            assertThat(last.get("queue_position").isNull()).as("the 1,001st in line is past the count: %s", last).isTrue();
            assertThat(last.get("queue_size").isNull()).isTrue();
            assertThat(last.get("queue_more_than").asInt()).isEqualTo(1_000);
            JsonNode listed = api.get("/api/jobs?ids=" + line.get(0) + "," + line.get(line.size() - 1)).as(who).send().json().get("jobs");
            for (JsonNode j : listed) {
                JsonNode alone = j.get("id").asString().equals(line.get(0)) ? first : last;
                for (String field : List.of("queue_position", "queue_size", "queue_more_than")) {
                    assertThat(j.get(field)).as("%s in the list and alone", field).isEqualTo(alone.get(field));
                }
            }
            assertThat(listed).hasSize(2);
        } finally {
            api.post("/api/jobs/cancel-all").as(who).send();
        }
    }

    @Test
    void batchPollReturnsExactlyTheAskedJobs() {
        Api.Who who = newUser();
        String a = startId(who, "test.steps", "{\"steps\":0,\"gate\":null}");
        String b = startId(who, "test.fail", "{\"reason\":\"no\"}");
        startId(who, "test.steps", "{\"steps\":2}");
        JsonNode jobs = api.get("/api/jobs?ids=" + a + "," + b).as(who).send().json().get("jobs");
        Set<String> ids = new HashSet<>();
        jobs.forEach(j -> ids.add(j.get("id").asString()));
        assertThat(ids).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void cursorPagingVisitsEveryJobOnce() {
        Api.Who who = newUser();
        Set<String> started = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            started.add(startId(who, "test.fail", "{\"reason\":\"r" + i + "\"}"));
        }
        // Settled first: a job failing between two pages would move from the active group to the finished one and
        // be listed twice by design (active first); this test is about the cursor, not about jobs that move.
        started.forEach(id -> awaitStatus(who, id, "failed"));
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Res r = api.get("/api/jobs?limit=2" + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))).as(who).send();
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            r.json().get("jobs").forEach(j -> assertThat(seen.add(j.get("id").asString())).as("no job twice").isTrue());
            cursor = r.json().get("next_cursor").isNull() ? null : r.json().get("next_cursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).isEqualTo(started);
        assertThat(pages).isGreaterThanOrEqualTo(3);
    }

    @Test
    void listFiltersByStatusAndType() {
        Api.Who who = newUser();
        String failed = startId(who, "test.fail", "{\"reason\":\"x\"}");
        String ok = startId(who, "test.steps", "{\"steps\":0}");
        awaitStatus(who, failed, "failed");
        awaitStatus(who, ok, "succeeded");
        JsonNode onlyFailed = api.get("/api/jobs?status=failed").as(who).send().json().get("jobs");
        assertThat(onlyFailed).hasSize(1);
        assertThat(onlyFailed.get(0).get("id").asString()).isEqualTo(failed);
        assertThat(onlyFailed.get(0).get("error").get("code").asString()).isEqualTo("bad_input");
        JsonNode onlySteps = api.get("/api/jobs?type=test.steps").as(who).send().json().get("jobs");
        assertThat(onlySteps).hasSize(1);
        assertThat(onlySteps.get(0).get("id").asString()).isEqualTo(ok);
    }

    @Test
    void jobTypesServeTheWordsEachTypeDeclares() {
        JsonNode types = api.get("/api/job-types").as(newUser()).send().json().get("job_types");
        JsonNode items = null;
        JsonNode export = null;
        for (JsonNode t : types) {
            if (t.get("name").asString().equals("test.items")) items = t;
            if (t.get("name").asString().equals("test.export")) export = t;
        }
        assertThat(items).isNotNull();
        JsonNode w = items.get("words");
        assertThat(w.get("icon").asString()).isEqualTo("✓");
        assertThat(w.get("running").asString()).isEqualTo("Checking items");
        assertThat(w.get("done").asString()).isEqualTo("Items checked");
        assertThat(w.get("noun").asString()).isEqualTo("check");
        assertThat(w.get("items").asString()).isEqualTo("items");
        assertThat(w.get("items_done").asString()).isEqualTo("passed");
        assertThat(w.get("items_failed").asString()).isEqualTo("rejected");
        assertThat(items.get("retry_failed").asBoolean()).isTrue();
        assertThat(items.get("retry_effect").asString()).isEqualTo("It checks every item again.");
        assertThat(export).isNotNull();
        assertThat(export.path("words").isNull() || export.path("words").isMissingNode())
                .as("a type without words gets neutral ones on screen").isTrue();
        assertThat(export.get("retry_failed").asBoolean()).isFalse();
    }

    @Test
    void jobTypesListsRegisteredTypesWithLabels() {
        JsonNode types = api.get("/api/job-types").as(newUser()).send().json().get("job_types");
        List<String> names = new ArrayList<>();
        types.forEach(t -> names.add(t.get("name").asString()));
        assertThat(names).contains("test.steps", "test.fail", "test.export", "test.items", "test.confirm");
        types.forEach(t -> {
            if (t.get("name").asString().equals("test.export")) {
                assertThat(t.get("label").asString()).isEqualTo("Export test rows");
                assertThat(t.get("cancel_effect").asString()).isEqualTo("The partial file will be deleted.");
            }
        });
    }

    @Test
    void openApiDescribesTheApiAtBothPaths() {
        Api.Res alias = api.get("/api/openapi.json").send();
        assertThat(alias.status()).as(alias.toString()).isEqualTo(200);
        assertThat(alias.json().get("paths").has("/api/jobs/start")).isTrue();
        assertThat(alias.body()).as("schemas use the JSON's snake_case names").contains("\"status_label\"").doesNotContain("\"statusLabel\"");
        assertThat(api.get("/v3/api-docs").send().status()).isEqualTo(200);
    }

    @Test
    void publicHealthIsOnlyUpOrDownAndItsDetailsAndPrometheusNeedAnApiKey() {
        Api.Who who = newUser();
        awaitStatus(who, startId(who, "test.fail", "{\"reason\":\"counted\"}"), "failed");
        Api.Res health = api.get("/actuator/health").send();
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details in public: " + health.body()).isFalse();
        Api.Who key = new Api.Who(java.util.Map.of("X-Longrun-Api-Key", Api.API_KEY));
        assertThat(api.get("/actuator/health").as(key).send().json().get("components").has("db")).isTrue();
        problem(api.get("/actuator/prometheus").send(), 401);
        problem(api.get("/actuator/info").send(), 401);
        problem(api.get("/actuator/prometheus").as(Api.Who.bearer(tokens.mintUserToken(ACCOUNT, "someone"))).send(), 403);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = api.get("/actuator/prometheus").as(key).send().body();
            assertThat(metrics).contains("longrun_jobs_failed_total{type=\"test.fail\"}")
                    .contains("longrun_sse_subscribers").contains("longrun_queue_depth").contains("longrun_jobs_pickup_latency");
        });
    }

    /** Opens the start gate and steps 1..n of a test.steps job so it ends and frees its worker. */
    protected static void openAll(String gate, int steps) {
        for (int i = 0; i <= steps; i++) {
            Gates.open(gate + "/" + i);
        }
    }
}
