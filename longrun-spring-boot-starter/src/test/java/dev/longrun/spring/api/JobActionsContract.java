package dev.longrun.spring.api;

import static dev.longrun.spring.api.StartAndReadContract.openAll;
import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.testapp.Gates;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Cancel, retry, retry-failed, confirm, logs, items (JSON and CSV) and the bulk actions, over HTTP. */
public abstract class JobActionsContract extends ApiTestBase {

    @Test
    void cancelOfPendingJobCancelsItAtOnce() {
        Api.Who who = newUser();
        String g = gate();
        String blocker = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        Api.Res waiting = api.post("/api/jobs/start").as(who)
                .json("{\"type\":\"test.steps\",\"params\":{\"steps\":0},\"depends_on\":\"" + blocker + "\"}").send();
        assertThat(waiting.status()).as(waiting.toString()).isEqualTo(202);
        String id = waiting.json().get("id").asString();
        assertThat(waiting.json().get("status").asString()).isEqualTo("pending");
        assertThat(waiting.json().get("waiting_for").asString()).isEqualTo(blocker);
        Api.Res cancelled = api.post("/api/jobs/" + id + "/cancel").as(who).send();
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("status_label").asString()).isEqualTo("Cancelled");
        Api.Res again = api.post("/api/jobs/" + id + "/cancel").as(who).send();
        assertThat(again.json().get("status").asString()).as("cancel is idempotent").isEqualTo("cancelled");
        openAll(g, 1);
    }

    @Test
    void cancelOfRunningJobOnlyMarksItUntilTheWorkerStops() {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":3}");
        Gates.open(g + "/0");
        awaitStep(who, id, 1);
        Api.Res r = api.post("/api/jobs/" + id + "/cancel").as(who).send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isIn("running", "cancelled");
        if (r.json().get("status").asString().equals("running")) {
            assertThat(r.json().get("cancel_requested").asBoolean()).isTrue();
        }
        JsonNode end = awaitStatus(who, id, "cancelled");
        assertThat(end.get("current_step").asInt()).as("stopped at the step it was in").isEqualTo(1);
        Api.Res afterwards = api.post("/api/jobs/" + id + "/cancel").as(who).send();
        assertThat(afterwards.json().get("version")).as("a cancel after the end changes nothing").isEqualTo(end.get("version"));
    }

    @Test
    void retryOfFailedJobStartsANewJobWithRetryOf() {
        Api.Who who = newUser();
        String id = startId(who, "test.fail", "{\"reason\":\"Row 18: email is missing\"}");
        JsonNode failed = awaitStatus(who, id, "failed");
        assertThat(failed.get("error_message").asString()).isEqualTo("Row 18: email is missing");
        assertThat(failed.get("error").get("retryable").asBoolean()).isFalse();
        Api.Res retry = api.post("/api/jobs/" + id + "/retry").as(who).send();
        assertThat(retry.status()).as(retry.toString()).isEqualTo(202);
        assertThat(retry.json().get("retry_of").asString()).isEqualTo(id);
        assertThat(retry.json().get("id").asString()).isNotEqualTo(id);
        assertThat(retry.json().get("params")).isEqualTo(failed.get("params"));
    }

    @Test
    void retryOfActiveJobIsAConflictProblem() {
        Api.Who who = newUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        problem(api.post("/api/jobs/" + id + "/retry").as(who).send(), 409);
        openAll(g, 1);
    }

    @Test
    void confirmResumesAJobThatNeedsAction() {
        Api.Who who = newUser();
        String id = startId(who, "test.confirm", "{\"rows\":839}");
        JsonNode waiting = awaitStatus(who, id, "needs_action");
        assertThat(waiting.get("status_label").asString()).isEqualTo("Needs action");
        assertThat(waiting.get("action").get("kind").asString()).isEqualTo("import_preview");
        assertThat(waiting.get("action").get("message").asString()).isEqualTo("839 rows ready. Import them?");
        assertThat(waiting.get("action").get("preview").get("ready").asInt()).isEqualTo(839);
        Api.Res confirmed = api.post("/api/jobs/" + id + "/confirm").as(who).send();
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonNode done = awaitStatus(who, id, "succeeded");
        assertThat(done.get("result").get("message").asString()).isEqualTo("Imported 839 rows");
    }

    @Test
    void logsItemsAndNeutralisedCsvOfFailedItems() {
        Api.Who who = newUser();
        String id = startId(who, "test.items", "{\"items\":[\"a\",\"bad-1\",\"b\",\"bad-2\"]}");
        JsonNode done = awaitStatus(who, id, "succeeded");
        assertThat(done.get("summary").get("succeeded").asLong()).isEqualTo(2);
        assertThat(done.get("summary").get("failed").asLong()).isEqualTo(2);

        JsonNode logs = api.get("/api/jobs/" + id + "/logs").as(who).send().json().get("logs");
        assertThat(logs.toString()).contains("Checked 4 items");

        JsonNode failed = api.get("/api/jobs/" + id + "/items?status=failed").as(who).send().json().get("items");
        assertThat(failed).hasSize(2);
        assertThat(failed.get(0).get("status").asString()).isEqualTo("failed");

        Api.Res csv = api.get("/api/jobs/" + id + "/items?status=failed").as(who).header("Accept", "text/csv").send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
        String[] lines = csv.body().split("\r?\n");
        assertThat(lines[0]).isEqualTo("key,status,message,detail");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).as("formula cells are neutralised").contains("'=HYPERLINK").doesNotContain(",=HYPERLINK")
                .doesNotContain(",\"=HYPERLINK");
        assertThat(api.get("/api/jobs/" + id + "/items?status=failed&format=csv").as(who).send().body()).isEqualTo(csv.body());

        Api.Res again = api.post("/api/jobs/" + id + "/retry-failed").as(who).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        assertThat(again.json().get("params").get("items").toString()).isEqualTo("[\"bad-1\",\"bad-2\"]");
    }

    @Test
    void itemsComeInPagesAndSayWhetherARetryCanSucceed() {
        Api.Who who = newUser();
        String id = startId(who, "test.items", "{\"items\":[\"a\",\"bad-1\",\"lasting-1\",\"b\",\"bad-2\"]}");
        awaitStatus(who, id, "succeeded");

        JsonNode first = api.get("/api/jobs/" + id + "/items?limit=2").as(who).send().json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("next_offset").asInt()).isEqualTo(2);
        JsonNode second = api.get("/api/jobs/" + id + "/items?limit=2&offset=2").as(who).send().json();
        JsonNode last = api.get("/api/jobs/" + id + "/items?limit=2&offset=4").as(who).send().json();
        assertThat(last.get("items")).hasSize(1);
        assertThat(last.get("next_offset").isNull()).isTrue();
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (JsonNode page : java.util.List.of(first, second, last)) {
            page.get("items").forEach(i -> keys.add(i.get("key").asString()));
        }
        assertThat(keys).containsExactlyInAnyOrder("a", "bad-1", "lasting-1", "b", "bad-2");

        JsonNode failed = api.get("/api/jobs/" + id + "/items?status=failed").as(who).send().json().get("items");
        java.util.Map<String, String> retryable = new java.util.HashMap<>();
        failed.forEach(i -> retryable.put(i.get("key").asString(), i.get("retryable").toString()));
        assertThat(retryable).containsEntry("bad-1", "true").containsEntry("bad-2", "true").containsEntry("lasting-1", "false");
        assertThat(api.get("/api/jobs/" + id + "/items").as(who).send().json().get("items").findValues("retryable").stream()
                .filter(JsonNode::isNull).count()).as("succeeded items say nothing about a retry").isEqualTo(2);

        Api.Res bad = api.get("/api/jobs/" + id + "/items?offset=-1").as(who).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asString()).contains("offset must be a whole number");
    }

    @Test
    void cancelAllAndClearFinishedActOnlyOnTheCallersJobs() {
        Api.Who who = newUser();
        Api.Who other = newUser();
        String g = gate();
        String mine = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        String theirs = startId(other, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        String finished = startId(who, "test.fail", "{\"reason\":\"x\"}");
        awaitStatus(who, finished, "failed");
        Api.Res all = api.post("/api/jobs/cancel-all").as(who).send();
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("cancelled").asInt()).isEqualTo(1);
        assertThat(all.json().get("ids").get(0).asString()).isEqualTo(mine);
        assertThat(all.json().get("ids").size()).isEqualTo(1);
        awaitStatus(who, mine, "cancelled");
        assertThat(job(other, theirs).get("status").asString()).isIn("pending", "running");
        JsonNode before = api.get("/api/jobs/counts").as(who).send().json();
        Api.Res cleared = api.post("/api/jobs/clear-finished").as(who).send();
        assertThat(cleared.json().get("hidden").asInt()).isEqualTo(2);
        // The tab counts: the cleared jobs leave their status and are counted as cleared (History).
        JsonNode after = api.get("/api/jobs/counts").as(who).send().json();
        assertThat(after.get("cleared").asLong()).isEqualTo(before.get("cleared").asLong() + 2);
        assertThat(after.get("total").asLong()).isEqualTo(before.get("total").asLong() - 2);
        assertThat(after.get("counts").size()).as("every status present").isEqualTo(6);
        assertThat(api.get("/api/jobs/counts").as(other).send().json().get("total").asLong()).isEqualTo(1);
        // The page and its tab counts in one answer, read at one moment
        JsonNode listing = api.get("/api/jobs?counts=true&status=pending,running").as(other).send().json();
        assertThat(listing.get("jobs")).hasSize(1);
        assertThat(listing.get("counts")).isEqualTo(api.get("/api/jobs/counts").as(other).send().json());
        assertThat(api.get("/api/jobs").as(other).send().json().has("counts")).as("only when asked").isFalse();
        Api.Res badCounts = api.get("/api/jobs?counts=yes").as(who).send();
        assertThat(badCounts.status()).isEqualTo(400);
        assertThat(badCounts.json().get("detail").asString()).contains("counts must be true");
        assertThat(api.get("/api/jobs").as(who).send().json().get("jobs")).isEmpty();
        assertThat(api.get("/api/jobs").as(other).send().json().get("jobs")).hasSize(1);
        // Hidden, not deleted: History lists them, each still opens, and their notifications stay.
        assertThat(api.get("/api/jobs?history=true").as(who).send().json().get("jobs")).hasSize(2);
        assertThat(job(who, finished).get("status").asString()).isEqualTo("failed");
        assertThat(api.get("/api/notifications").as(who).send().json().get("notifications").toString()).contains(finished);
        Api.Res bad = api.get("/api/jobs?history=maybe").as(who).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("history must be true");
        openAll(g, 1);
    }
}
