package dev.longrun.spring.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "Download selected results" as one zip over HTTP: only the caller's kept files, unique names, limits and scopes. */
public abstract class ResultsZipContract extends ApiTestBase {

    @Test
    void zipHoldsEachSelectedResultUnderItsOwnNameAndListsWhatIsMissing() throws IOException {
        Api.Who who = newUser();
        String two = startId(who, "test.export", "{\"rows\":2}");
        String three = startId(who, "test.export", "{\"rows\":3}");
        String failed = startId(who, "test.fail", "{\"reason\":\"no\"}");
        awaitStatus(who, two, "succeeded");
        awaitStatus(who, three, "succeeded");
        awaitStatus(who, failed, "failed");
        String nowhere = UUID.randomUUID().toString();

        Api.Res r = zip(who, two, three, failed, nowhere, two);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/zip");
        assertThat(r.header("Content-Disposition")).startsWith("attachment").contains("results.zip");
        assertThat(r.header("Content-Length")).as("streamed, not buffered").isNull();
        Map<String, String> entries = entries(r.bytes());
        assertThat(entries.keySet()).containsExactly("contacts export.csv", "contacts export (2).csv", "MISSING.txt");
        assertThat(entries.get("contacts export.csv")).isEqualTo("name,email\nPerson 1,p1@example.com\nPerson 2,p2@example.com\n");
        assertThat(entries.get("contacts export (2).csv")).contains("Person 3,p3@example.com");
        assertThat(entries.get("MISSING.txt")).contains(failed + ": this job has no result file (status failed)")
                .contains(nowhere + ": no such job.");
    }

    @Test
    void anotherUsersJobIsListedExactlyLikeOneThatDoesNotExist() throws IOException {
        Api.Who alice = newUser();
        Api.Who bob = newUser();
        String hers = startId(alice, "test.export", "{\"rows\":1}");
        String his = startId(bob, "test.export", "{\"rows\":4}");
        awaitStatus(alice, hers, "succeeded");
        awaitStatus(bob, his, "succeeded");

        Map<String, String> entries = entries(zip(bob, his, hers).bytes());

        assertThat(entries.keySet()).containsExactly("contacts export.csv", "MISSING.txt");
        assertThat(entries.get("contacts export.csv").lines()).as("Bob's 4 rows, not Alice's 1").hasSize(5).contains("Person 4,p4@example.com");
        assertThat(entries.get("MISSING.txt")).contains(hers + ": no such job.");
        JsonNode p = problem(zip(bob, hers), 404);
        assertThat(p.get("code").asString()).isEqualTo("results_not_found");
        assertThat(p.get("detail").asString()).contains(hers + ": no such job.");
        JsonNode q = problem(zip(bob, UUID.randomUUID().toString()), 404);
        assertThat(q.get("detail").asString().replaceAll("[0-9a-f-]{36}", "ID"))
                .isEqualTo(p.get("detail").asString().replaceAll("[0-9a-f-]{36}", "ID"));
    }

    @Test
    void jobScopedTokenIsRefusedEvenForItsOwnJob() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":1}");
        awaitStatus(who, id, "succeeded");
        String scoped = tokens.mintJobToken(ACCOUNT, userOf(who), UUID.fromString(id));
        JsonNode p = problem(api.post("/api/files/zip").as(Api.Who.bearer(scoped)).json("{\"job_ids\":[\"" + id + "\"]}").send(), 403);
        assertThat(p.get("detail").asString()).contains("limited to job " + id);
        problem(api.post("/api/files/zip").as(Api.Who.nobody()).json("{\"job_ids\":[\"" + id + "\"]}").send(), 401);
    }

    @Test
    void badSelectionsAreRefusedWithAReasonAPersonCanActOn() {
        Api.Who who = newUser();
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ResultsZipController.MAX_JOBS; i++) {
            many.add(UUID.randomUUID().toString());
        }
        JsonNode tooMany = problem(zip(who, many.toArray(String[]::new)), 400);
        assertThat(tooMany.get("detail").asString()).contains("At most 100 jobs").contains("101 were selected");
        assertThat(problem(zip(who), 400).get("detail").asString()).contains("job_ids");
        assertThat(problem(zip(who, "../../etc/passwd"), 400).get("detail").asString()).contains("is not a job id");
        problem(api.post("/api/files/zip").as(who).json("{\"job_ids\": \"all\"}").send(), 400);
        problem(api.post("/api/files/zip").as(who).json("not json").send(), 400);
    }

    private Api.Res zip(Api.Who who, String... ids) {
        String list = String.join(",", java.util.Arrays.stream(ids).map(i -> "\"" + i + "\"").toList());
        return api.post("/api/files/zip").as(who).json("{\"job_ids\":[" + list + "]}").send();
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
