package dev.longrun.spring.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.upload.Upload;
import dev.longrun.spring.upload.UploadNotFoundException;
import dev.longrun.spring.upload.UploadStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Result links and downloads (fresh, tampered, expired, someone else's), and uploads, over HTTP. */
public abstract class ResultsAndUploadsContract extends ApiTestBase {

    @Autowired
    UploadStore uploads;
    @Autowired
    dev.longrun.spring.config.LongrunProperties properties;

    @Test
    void finishedExportCarriesASignedLinkThatStreamsTheFile() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":3}");
        JsonNode done = awaitStatus(who, id, "succeeded");
        JsonNode result = done.get("result");
        assertThat(result.get("filename").asString()).isEqualTo("contacts export.csv");
        assertThat(result.get("row_count").asLong()).isEqualTo(3);
        assertThat(result.get("content_type").asString()).isEqualTo("text/csv");
        assertThat(result.get("expires_at").isNull()).isFalse();
        Api.Res file = api.get(result.get("url").asString()).send();
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).startsWith("attachment").contains("contacts export.csv");
        assertThat(file.header("Content-Length")).isEqualTo(String.valueOf(result.get("size_bytes").asLong()));
        assertThat(file.body()).startsWith("name,email\n").contains("Person 3,p3@example.com");
    }

    /**
     * A large export's download can resume: Range asks for part of the file (from a byte, the last bytes, several
     * parts), If-Range with the file's ETag keeps it, another validator gets the whole file. Bad inputs tried: a
     * range past the end, an end before its start, no bytes= unit, not numbers; each is 416 problem+json naming the
     * file's size in Content-Range. A HEAD ignores Range.
     */
    @Test
    void aDownloadResumesFromTheByteTheBrowserAsksFor() {
        String url = exportedFileUrl(40);
        Api.Res whole = api.get(url).send();
        byte[] all = whole.bytes();
        int n = all.length;
        String etag = whole.header("ETag");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(etag).matches("\"[0-9a-f]{24}\"");

        Api.Res head = api.get(url).header("Range", "bytes=0-9").send();
        assertThat(head.status()).as(head.toString()).isEqualTo(206);
        assertThat(head.header("Content-Range")).isEqualTo("bytes 0-9/" + n);
        assertThat(head.header("Content-Length")).isEqualTo("10");
        assertThat(head.bytes()).isEqualTo(java.util.Arrays.copyOfRange(all, 0, 10));
        assertThat(head.header("Content-Disposition")).startsWith("attachment");

        Api.Res rest = api.get(url).header("Range", "bytes=10-").header("If-Range", etag).send();
        assertThat(rest.status()).as(rest.toString()).isEqualTo(206);
        assertThat(rest.header("Content-Range")).isEqualTo("bytes 10-" + (n - 1) + "/" + n);
        assertThat(rest.bytes()).isEqualTo(java.util.Arrays.copyOfRange(all, 10, n));

        Api.Res tail = api.get(url).header("Range", "bytes=-5").send();
        assertThat(tail.status()).isEqualTo(206);
        assertThat(tail.bytes()).isEqualTo(java.util.Arrays.copyOfRange(all, n - 5, n));

        Api.Res parts = api.get(url).header("Range", "bytes=0-1,5-6").send();
        assertThat(parts.status()).isEqualTo(206);
        assertThat(parts.header("Content-Type")).startsWith("multipart/byteranges");
        assertThat(parts.body()).contains("Content-Range: bytes 0-1/" + n).contains("Content-Range: bytes 5-6/" + n);

        for (String otherVersion : new String[] {"\"0123456789abcdef01234567\"", "Wed, 21 Oct 2015 07:28:00 GMT"}) {
            Api.Res full = api.get(url).header("Range", "bytes=10-").header("If-Range", otherVersion).send();
            assertThat(full.status()).as("If-Range %s", otherVersion).isEqualTo(200);
            assertThat(full.bytes()).isEqualTo(all);
        }
        Api.Res headRange = api.method("HEAD", url).header("Range", "bytes=0-9").send();
        assertThat(headRange.status()).isEqualTo(200);
        assertThat(headRange.header("Content-Length")).isEqualTo(String.valueOf(n));

        for (String bad : new String[] {"bytes=" + n + "-", "bytes=" + (n + 10) + "-" + (n + 20), "bytes=9-2", "0-9",
                "bytes=a-b", "items=0-9"}) {
            Api.Res refused = api.get(url).header("Range", bad).header("Accept", "application/json").send();
            JsonNode p = problem(refused, 416);
            assertThat(p.get("code").asString()).isEqualTo("range_not_satisfiable");
            assertThat(p.get("detail").asString()).as(bad).contains(n + " bytes");
            assertThat(refused.header("Content-Range")).as(bad).isEqualTo("bytes */" + n);
        }
    }

    @Test
    void resultLinkIsFreshAndWorksForItsOwnerSignedIn() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":2}");
        awaitStatus(who, id, "succeeded");
        Api.Res link = api.post("/api/jobs/" + id + "/result-link").as(who).send();
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        assertThat(link.json().get("url").asString()).startsWith("/api/files/");
        assertThat(link.json().get("size_bytes").asLong()).isPositive();
        String owner = tokens.mintUserToken(ACCOUNT, userOf(who));
        assertThat(api.get(link.json().get("url").asString()).as(Api.Who.bearer(owner)).send().status()).isEqualTo(200);
    }

    @Test
    void headOnALinkAnswersLikeGetWithoutTheBody() {
        String url = exportedFileUrl(3);
        Api.Res get = api.get(url).send();
        Api.Res head = api.method("HEAD", url).send();
        assertThat(head.status()).as(head.toString()).isEqualTo(get.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
        assertThat(head.header("Content-Disposition")).isEqualTo(get.header("Content-Disposition"));
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.bytes().length));
        assertThat(head.bytes()).isEmpty();
        assertThat(api.method("HEAD", "/api/files/not-a-token").send().status()).isEqualTo(403);
    }

    @Test
    void tamperedLinkIs403AndChangesNothing() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":1}");
        String url = awaitStatus(who, id, "succeeded").get("result").get("url").asString();
        String token = url.substring("/api/files/".length());
        int dot = token.lastIndexOf('.');
        String otherSig = token.substring(0, dot + 1) + (token.charAt(dot + 1) == 'A' ? 'B' : 'A') + token.substring(dot + 2);
        problem(api.get("/api/files/" + otherSig).send(), 403);
        String otherPayload = (token.charAt(0) == 'W' ? 'X' : 'W') + token.substring(1);
        problem(api.get("/api/files/" + otherPayload).send(), 403);
        problem(api.get("/api/files/not-a-token").send(), 403);
        for (String padded : new String[] {token + "=", token + "==", token + "%3D"}) {
            problem(api.get("/api/files/" + padded).send(), 403); // a signature has one spelling
        }
        // Path traversal attempts: the token names no path, so these are just invalid tokens (or refused by the firewall).
        for (String hostile : new String[] {"..%2F..%2Fetc%2Fpasswd", "....%5C..%5Cwindows", "%2e%2e", token + "%00"}) {
            Api.Res r = api.get("/api/files/" + hostile).send();
            assertThat(r.status()).as(hostile + " → " + r).isIn(400, 403);
            assertThat(r.header("Content-Type")).as(hostile + " → " + r).startsWith("application/problem+json");
            assertThat(r.body()).doesNotContain("root:");
        }
    }

    @Test
    void expiredLinkIs410TellingToRequestAFreshOne() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":1}");
        String url = awaitStatus(who, id, "succeeded").get("result").get("url").asString();
        clock.shift(Duration.ofHours(25));
        try {
            JsonNode p = problem(api.get(url).send(), 410);
            assertThat(p.get("detail").asString()).contains("expired").contains("fresh link").contains("/api/jobs/" + id + "/result-link");
        } finally {
            clock.reset();
        }
        assertThat(api.get(url).send().status()).isEqualTo(200);
    }

    @Test
    void linkIsRefusedToAnotherSignedInUserAsIfTheJobDidNotExist() {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":1}");
        String url = awaitStatus(who, id, "succeeded").get("result").get("url").asString();
        String mallory = tokens.mintUserToken(ACCOUNT, "mallory");
        JsonNode p = problem(api.get(url).as(Api.Who.bearer(mallory)).send(), 404);
        assertThat(p.get("detail").asString()).isEqualTo("No job with id " + id + ".");
        problem(api.get(url).as(Api.Who.apiKey(ACCOUNT, "mallory")).send(), 404);
    }

    @Test
    void uploadStoresTheFileForItsUserOnly() throws Exception {
        Api.Who who = newUser();
        byte[] csv = "name,email\nAda,ada@example.com\n".getBytes(StandardCharsets.UTF_8);
        Api.Res r = upload(who, "file", "../../invoices.csv", csv);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode u = r.json();
        assertThat(u.get("filename").asString()).isEqualTo("invoices.csv");
        assertThat(u.get("size_bytes").asLong()).isEqualTo(csv.length);
        String uploadId = u.get("upload_id").asString();
        Upload found = uploads.find(uploadId, ACCOUNT, userOf(who));
        assertThat(Files.readAllBytes(uploads.path(uploadId, ACCOUNT, userOf(who)))).isEqualTo(csv);
        assertThat(found.expiresAt()).isAfter(found.createdAt());
        assertThatThrownBy(() -> uploads.find(uploadId, ACCOUNT, "someone-else")).isInstanceOf(UploadNotFoundException.class)
                .hasMessageContaining("Upload the file again");
        assertThatThrownBy(() -> uploads.find("../../etc/passwd", ACCOUNT, userOf(who))).isInstanceOf(UploadNotFoundException.class);
    }

    @Test
    void uploadOverTheLimitIs413AndKeepsNothing() throws Exception {
        Api.Who who = newUser();
        long before = countUploads();
        JsonNode p = problem(upload(who, "file", "big.csv", new byte[100 * 1024]), 413);
        // it said "larger than the limit of this server": the limit (longrun.uploads.max-size=64KB here) was never named
        assertThat(p.get("detail").asString()).contains("larger than the limit of 64 KB");
        assertThat(countUploads()).isEqualTo(before);
    }

    @Test
    void uploadWithoutAFileOrAsJsonIsRefused() {
        Api.Who who = newUser();
        JsonNode p = problem(upload(who, "other", "x.csv", "a".getBytes(StandardCharsets.UTF_8)), 400);
        assertThat(p.get("detail").asString()).contains("'file'");
        problem(api.post("/api/uploads").as(who).json("{\"file\":\"x\"}").send(), 415);
        problem(upload(who, "file", "empty.csv", new byte[0]), 400);
    }

    private long countUploads() throws Exception {
        try (var files = Files.list(properties.getDataDir().resolve("uploads"))) {
            return files.filter(f -> f.toString().endsWith(".bin") || f.toString().endsWith(".part")).count();
        }
    }

    protected Api.Res upload(Api.Who who, String part, String filename, byte[] content) {
        String boundary = "----longrun" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.post("/api/uploads").as(who).body("multipart/form-data; boundary=" + boundary, body.toByteArray()).send();
    }

    /** The signed link of a new user's finished export of {@code rows} rows. */
    private String exportedFileUrl(int rows) {
        Api.Who who = newUser();
        String id = startId(who, "test.export", "{\"rows\":" + rows + "}");
        return awaitStatus(who, id, "succeeded").get("result").get("url").asString();
    }
}
