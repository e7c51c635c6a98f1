package dev.longrun.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.s3.S3MockServer;
import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RunningServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product with {@code longrun.results.store=s3} on a real S3-compatible server (S3Mock): an export's file lands in
 * the bucket, the signed Longrun link is checked first (owner, signature) and only then redirects to a short-lived
 * presigned URL, and the results zip streams from the bucket.
 */
class S3DownloadsTest {

    @TempDir
    static Path dataDir;
    static S3MockServer s3;
    static String bucket;
    static RunningServer server;

    @BeforeAll
    static void start() {
        s3 = S3MockServer.shared();
        bucket = s3.newBucket();
        Map<String, Object> props = new HashMap<>();
        props.put("longrun.data-dir", dataDir.toString());
        props.put("longrun-demo.contacts", 25);
        props.put("longrun.results.store", "s3");
        props.put("longrun.results.presign-ttl", "90s");
        props.put("longrun.results.s3.bucket", bucket);
        props.put("longrun.results.s3.prefix", "exports/");
        props.put("longrun.results.s3.endpoint", s3.endpoint().toString());
        props.put("longrun.results.s3.path-style", true);
        props.put("longrun.results.s3.access-key-id", S3MockServer.ACCESS_KEY);
        props.put("longrun.results.s3.secret-access-key", S3MockServer.SECRET_KEY);
        server = RunningServer.start(props);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anExportIsKeptInTheBucketAndItsSignedLinkRedirectsToAPresignedUrl() throws Exception {
        ApiClient alice = new ApiClient(server.port(), "acme", "alice");
        String id = alice.start("contacts.export", "{}");
        var job = alice.awaitStatus(id, "succeeded", "failed");
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("succeeded");
        String link = job.get("result").get("url").asString();
        assertThat(s3.admin().listObjectsV2(b -> b.bucket(bucket).prefix("exports/" + id + "/")).contents()).hasSize(1);

        ApiClient.Response redirect = alice.get(link);
        assertThat(redirect.status()).isEqualTo(302);
        URI presigned = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(presigned.toString()).startsWith(s3.endpoint() + "/" + bucket + "/exports/" + id + "/");
        assertThat(presigned.getQuery()).contains("X-Amz-Expires=90");
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(presigned).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains("id,name,email").hasLineCount(26);
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
    }

    @Test
    void theSignedLinkIsCheckedBeforeAnyRedirect() {
        ApiClient alice = new ApiClient(server.port(), "acme", "alice");
        String id = alice.start("contacts.export", "{\"query\":\"a\"}");
        String link = alice.awaitStatus(id, "succeeded").get("result").get("url").asString();

        ApiClient bob = new ApiClient(server.port(), "acme", "bob");
        ApiClient.Response other = bob.get(link);
        assertThat(other.status()).as("another user with the link").isEqualTo(404);
        assertThat(other.headers().firstValue("Location")).isEmpty();

        String tampered = link.substring(0, link.length() - 3) + (link.endsWith("AAA") ? "BBB" : "AAA");
        ApiClient.Response forged = alice.get(tampered);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theResultsZipStreamsTheFilesFromTheBucket() throws IOException {
        ApiClient carol = new ApiClient(server.port(), "globex", "carol");
        String id = carol.start("contacts.export", "{}");
        carol.awaitStatus(id, "succeeded");

        ApiClient.Response zip = carol.post("/api/files/zip", "{\"job_ids\":[\"" + id + "\"]}");
        assertThat(zip.status()).as(zip.body()).isEqualTo(200);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.bytes()))) {
            var entry = in.getNextEntry();
            assertThat(entry).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("id,name,email").hasLineCount(26);
        }
    }
}
