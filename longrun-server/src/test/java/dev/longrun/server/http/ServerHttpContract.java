package dev.longrun.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every job type of the server end to end through the HTTP API on a started server (port 0), mostly as alice of
 * account acme. Subclasses run it on the embedded SQLite store (invites to the local outbox) and on
 * PostgreSQL (invites over SMTP to GreenMail).
 */
abstract class ServerHttpContract {

    static final Path SAMPLES = Path.of("..", "docs", "samples");
    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    int port;
    ApiClient alice;

    @BeforeEach
    void client() {
        port = port();
        alice = new ApiClient(port, "acme", "alice");
    }

    /** The port the server of this setup listens on. */
    abstract int port();

    /** Recipients of the invitations sent so far, however this setup delivers them. */
    abstract List<String> deliveredInvitations();

    @Test
    void importStopsWithAPreviewAndImportsTheReadyRowsOnConfirm() throws Exception {
        String id = alice.startImport("contacts-with-problems.csv", Files.readAllBytes(SAMPLES.resolve("contacts-with-problems.csv")));
        JsonNode job = alice.awaitStatus(id, "needs_action");
        JsonNode action = job.get("action");
        assertThat(action.get("kind").asString()).isEqualTo("import_preview");
        assertThat(action.get("message").asString()).isEqualTo("6 rows checked · 4 ready to import (1 with a change) · 2 will be skipped. Import the 4 ready rows?");
        assertThat(action.get("preview").get("ready").asLong()).isEqualTo(4);
        assertThat(action.get("preview").get("problems").get(2).get("column").asString()).isEqualTo("name");

        Response problemRows = alice.get("/api/jobs/" + id + "/items?status=failed&format=csv");
        assertThat(problemRows.status()).isEqualTo(200);
        assertThat(problemRows.body()).contains("row 4").contains("row 5").doesNotContain("row 3");

        assertThat(alice.post("/api/jobs/" + id + "/confirm", null).status()).isEqualTo(200);
        JsonNode done = alice.awaitStatus(id, "succeeded", "failed");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("result").get("message").asString()).isEqualTo("4 contacts imported · 2 rows skipped · 1 imported without email");
        JsonNode ben = alice.get("/api/contacts?query=ben%20carter").json();
        assertThat(ben.get("total").asLong()).isEqualTo(1);
        assertThat(ben.get("contacts").get(0).get("email").isNull()).isTrue();
    }

    @Test
    void cancellingAnImportAtThePreviewImportsNothing() {
        String id = alice.startImport("fresh.csv", "name,email\nCancelled Person,cancelled.person@x.example\n".getBytes(StandardCharsets.UTF_8));
        alice.awaitStatus(id, "needs_action");
        assertThat(alice.post("/api/jobs/" + id + "/cancel", null).status()).isEqualTo(200);
        alice.awaitStatus(id, "cancelled");
        assertThat(alice.get("/api/contacts?query=cancelled%20person").json().get("total").asLong()).isZero();
    }

    @Test
    void cancellingAnImportWhileItWritesRowsRemovesItsRowsAndARetryImportsEachRowOnce() {
        long before = alice.get("/api/contacts").json().get("total").asLong();
        StringBuilder csv = new StringBuilder("name,email,company\r\n");
        for (int i = 0; i < 150_000; i++) {
            csv.append("Cancel Me ").append(i).append(",cancel.me.").append(i).append("@bulk.example,Bulk\r\n");
        }
        String id = alice.startImport("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        alice.awaitStatus(id, "needs_action");
        alice.post("/api/jobs/" + id + "/confirm", null);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> alice.job(id).get("progress_message").asString("").startsWith("Importing row"));
        alice.post("/api/jobs/" + id + "/cancel", null);
        JsonNode job = alice.awaitStatus(id, "cancelled", "succeeded", "failed");
        assertThat(job.get("status").asString()).as("the import finished before the cancel reached it").isEqualTo("cancelled");
        // The engine records "cancelled" first, then runs the job's cleanup, which removes the rows.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> alice.get("/api/contacts").json().get("total").asLong() == before);

        Response retry = alice.post("/api/jobs/" + id + "/retry", null);
        assertThat(retry.status()).as(retry.body()).isIn(200, 202);
        String again = retry.json().get("id").asString();
        assertThat(retry.json().get("retry_of").asString()).isEqualTo(id);
        alice.awaitStatus(again, "needs_action");
        alice.post("/api/jobs/" + again + "/confirm", null);
        assertThat(alice.awaitStatus(again, "succeeded", "failed").get("result").get("message").asString())
                .isEqualTo("150,000 contacts imported");
        assertThat(alice.get("/api/contacts").json().get("total").asLong()).isEqualTo(before + 150_000);
        assertThat(alice.get("/api/contacts?query=cancel%20me").json().get("total").asLong()).isEqualTo(150_000);
    }

    @Test
    void aFileWithTheWrongHeaderFailsAtOnceWithAMessageThatSaysWhatToFix() {
        String id = alice.startImport("wrong.csv", "mail,name\nx@y.example,X\n".getBytes(StandardCharsets.UTF_8));
        JsonNode job = alice.awaitStatus(id, "failed");
        assertThat(job.get("error_message").asString()).startsWith("Column 'email' not found; found: mail, name.");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
        assertThat(job.get("error").get("retryable").asBoolean()).isFalse();
    }

    @Test
    void hostileUploadsEndInAClearFailureNeverAServerError() {
        byte[] binary = new byte[2048];
        new java.util.Random(7).nextBytes(binary);
        binary[3] = 0;
        String id = alice.startImport("binary.csv", binary);
        assertThat(alice.awaitStatus(id, "failed").get("error_message").asString()).startsWith("This file contains binary data");

        String latin1 = alice.startImport("latin1.csv", "name,email\nJos\u00e9,jose@x.example\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(alice.awaitStatus(latin1, "failed").get("error_message").asString()).startsWith("The file is not UTF-8 text");

        Response empty = alice.upload("empty.csv", new byte[0]);
        if (empty.status() == 201) {
            String emptyJob = alice.start("contacts.import", "{\"upload_id\":\"" + empty.json().get("upload_id").asString() + "\"}");
            assertThat(alice.awaitStatus(emptyJob, "failed").get("error_message").asString()).startsWith("The file is empty.");
        } else {
            assertThat(empty.status()).as(empty.body()).isEqualTo(400);
        }
        assertThat(alice.post("/api/jobs/start", "{\"type\":\"contacts.import\",\"params\":{}}").status()).isEqualTo(400);
    }

    @Test
    void anImportOfAnUploadThatIsNotTheCallersIsRefusedAtTheStartSayingWhatToDo() {
        // Tried as upload_id: an id never uploaded (32 hex digits), a made-up one, bob's upload (same account), alice's
        // upload sent by an alice of another account, path shapes (../../x, ../uploads/<bob's id>, <id>/../<id>,
        // /etc/passwd) and a NUL byte. Each was accepted (202) and the job then failed with "The uploaded file is no
        // longer available".
        ApiClient bob = new ApiClient(port, "acme", "bob");
        String bobs = bob.upload("bobs.csv", "name,email\nBob Own,bob.own@x.example\n".getBytes(StandardCharsets.UTF_8))
                .json().get("upload_id").asString();
        String alices = alice.upload("alices.csv", "name,email\nAl Own,al.own@x.example\n".getBytes(StandardCharsets.UTF_8))
                .json().get("upload_id").asString();
        ApiClient dora = new ApiClient(port, "acme", "dora-" + java.util.UUID.randomUUID());
        ApiClient otherAlice = new ApiClient(port, "globex-" + java.util.UUID.randomUUID(), "alice");
        Map<String, ApiClient> tries = new java.util.LinkedHashMap<>();
        for (String id : List.of("0".repeat(32), "expired-" + java.util.UUID.randomUUID(), bobs, "../../x", "../uploads/" + bobs,
                bobs + "/../" + bobs, "/etc/passwd", "x\u0000y")) {
            tries.put(id, dora);
        }
        tries.put(alices, otherAlice);
        tries.forEach((id, who) -> {
            Response r = who.post("/api/jobs/start", JSON.writeValueAsString(Map.of("type", "contacts.import", "params", Map.of("upload_id", id))));
            assertThat(r.status()).as(id + " -> " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = r.json();
            assertThat(problem.get("code").asString()).isEqualTo("invalid_params");
            assertThat(problem.get("field").asString()).isEqualTo("upload_id");
            assertThat(problem.get("detail").asString()).as(id).startsWith("No upload of yours has the id '")
                    .endsWith("'. Upload the CSV file first with POST /api/uploads and send the upload_id it returns; uploads are kept "
                            + "for 24 hours, so an older one must be uploaded again.")
                    .doesNotContain("\u0000");
        });
        assertThat(dora.get("/api/jobs?history=true").json().get("jobs")).as("nothing was started").isEmpty();
        assertThat(otherAlice.get("/api/jobs?history=true").json().get("jobs")).as("nothing was started").isEmpty();

        String own = bob.start("contacts.import", "{\"upload_id\":\"" + bobs + "\"}");
        assertThat(bob.awaitStatus(own, "needs_action", "failed").get("status").asString()).isEqualTo("needs_action");
        bob.post("/api/jobs/" + own + "/cancel", null);
    }

    @Test
    void exportProducesADownloadableCsvWithFormulasNeutralised() throws Exception {
        String imp = alice.startImport("formula.csv", "name,email\n\"=HYPERLINK(\"\"http://evil.example\"\")\",formula@x.example\n"
                .getBytes(StandardCharsets.UTF_8));
        alice.awaitStatus(imp, "needs_action");
        alice.post("/api/jobs/" + imp + "/confirm", null);
        alice.awaitStatus(imp, "succeeded");

        String id = alice.start("contacts.export", "{}");
        JsonNode job = alice.awaitStatus(id, "succeeded", "failed");
        JsonNode result = job.get("result");
        assertThat(result.get("content_type").asString()).startsWith("text/csv");
        assertThat(result.get("filename").asString()).matches("contacts-\\d{4}-\\d{2}-\\d{2}\\.csv");
        long rows = result.get("row_count").asLong();
        assertThat(rows).isEqualTo(alice.get("/api/contacts").json().get("total").asLong());
        Response file = alice.get(result.get("url").asString());
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().lines().count()).isEqualTo(rows + 1);
        assertThat(file.body()).contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(").doesNotContain("\"=HYPERLINK(");
        assertThat(job.get("progress_pct").asDouble()).isEqualTo(100.0);
    }

    @Test
    void invitesReportPerContactOutcomesAndRetryFailedTakesOnlyTheFailedOnes() {
        JsonNode page = alice.get("/api/contacts?limit=12").json().get("contacts");
        List<Long> ids = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        long withoutEmail = 0;
        for (JsonNode c : page) {
            ids.add(c.get("id").asLong());
            if (c.get("email").isNull()) {
                withoutEmail++;
            } else {
                emails.add(c.get("email").asString());
            }
        }
        assertThat(withoutEmail).as("the seed has a contact without email among the first 12").isEqualTo(1);
        String id = alice.start("contacts.invite", "{\"contact_ids\":" + ids + "}");
        JsonNode job = alice.awaitStatus(id, "succeeded", "failed");
        assertThat(job.get("result").get("message").asString()).isEqualTo("11 invitations sent, 1 failed");
        assertThat(job.get("summary").get("succeeded").asLong()).isEqualTo(11);
        assertThat(job.get("summary").get("failed").asLong()).isEqualTo(1);
        assertThat(deliveredInvitations()).containsAll(emails);

        Response retry = alice.post("/api/jobs/" + id + "/retry-failed", null);
        assertThat(retry.status()).as(retry.body()).isIn(200, 202);
        JsonNode again = retry.json();
        assertThat(again.get("params").get("contact_ids")).hasSize(1);
        JsonNode failed = alice.awaitStatus(again.get("id").asString(), "failed");
        assertThat(failed.get("error_message").asString()).startsWith("No invitation could be sent: 0 invitations sent, 1 failed (first: No email address)");
    }

    @Test
    void aReportWaitsForItsExportAndIsARealPdf() {
        String export = alice.start("contacts.export", "{\"query\":\"globex\"}");
        String report = alice.start("{\"type\":\"reports.generate\",\"params\":{\"title\":\"Globex contacts\"},\"depends_on\":\"" + export + "\"}");
        alice.awaitStatus(export, "succeeded");
        JsonNode job = alice.awaitStatus(report, "succeeded", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("total_steps").asInt()).isEqualTo(4);
        Response pdf = alice.get(job.get("result").get("url").asString());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void dedupeReportsWhatItDoesWithoutAPercentage() {
        String id = alice.start("contacts.dedupe", "{}");
        JsonNode job = alice.awaitStatus(id, "succeeded", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("message").asString()).contains("likely duplicate pair");
        assertThat(job.get("result").get("row_count").asLong()).isPositive();
    }

    @Test
    void aTransientFailureIsRetriedAndTheSecondAttemptSucceeds() {
        String id = alice.start("demo.wait", "{\"seconds\":1,\"steps\":2,\"fail\":\"transient-once\"}");
        JsonNode job = alice.awaitStatus(id, "succeeded", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("attempt").asInt()).isEqualTo(2);
        assertThat(job.get("max_attempts").asInt()).isEqualTo(3);
        assertThat(alice.get("/api/jobs/" + id + "/logs").body()).contains("Simulated temporary problem");
    }

    @Test
    void aPermanentFailureFailsAtOnceWithItsMessage() {
        String id = alice.start("demo.wait", "{\"seconds\":0,\"fail\":\"permanent\"}");
        JsonNode job = alice.awaitStatus(id, "failed");
        assertThat(job.get("error_message").asString()).startsWith("This demo job was set to end with an error");
        assertThat(job.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void cancelMidwayStopsARunningJobPromptly() {
        String id = alice.start("demo.wait", "{\"seconds\":60,\"steps\":0}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "running".equals(alice.job(id).get("status").asString()) && !alice.job(id).get("progress_message").isNull());
        assertThat(alice.job(id).get("progress_pct").isNull()).isTrue();
        long asked = System.nanoTime();
        alice.post("/api/jobs/" + id + "/cancel", null);
        alice.awaitStatus(id, "cancelled");
        assertThat((System.nanoTime() - asked) / 1_000_000_000).isLessThan(10);
    }

    @Test
    void invalidDemoParamsAreABadRequestThatNamesTheAllowedValues() {
        Response r = alice.post("/api/jobs/start", "{\"type\":\"demo.wait\",\"params\":{\"fail\":\"sometimes\"}}");
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void everyProductJobTypeIsListedWithItsLabel() {
        Response r = alice.get("/api/job-types");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"contacts.import\"", "\"Import contacts\"", "\"contacts.export\"", "\"contacts.invite\"",
                "\"reports.generate\"", "\"contacts.dedupe\"", "\"Find duplicate contacts\"", "\"demo.wait\"");
    }

    @Test
    void contactsAndOutboxAreScopedToTheCaller() {
        ApiClient carol = new ApiClient(port, "globex", "carol");
        JsonNode theirs = carol.get("/api/contacts?query=ruth%20bader").json();
        assertThat(theirs.get("total").asLong()).isZero();
        assertThat(carol.get("/api/contacts").json().get("total").asLong()).isPositive();
        assertThat(carol.get("/api/contacts?limit=0").status()).isEqualTo(400);
        assertThat(new ApiClient(port, "acme", "bob").get("/api/outbox").json().get("messages")).isEmpty();
        assertThat(new ApiClient(port, null, null).get("/api/contacts").status()).isEqualTo(400);
    }
}
