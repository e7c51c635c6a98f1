package dev.longrun.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.LongrunBuilder;
import dev.longrun.LongrunException;
import dev.longrun.ResultFile;
import dev.longrun.RetryPolicy;
import dev.longrun.StartOptions;
import dev.longrun.testing.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Result files in a real S3-compatible server (S3Mock, its own process): written by a job, read back and fetched
 * through a presigned URL, deleted by retention, and a missing or unreachable bucket refused at start and on write.
 * Run once per database dialect (the subclasses).
 */
abstract class S3ResultStoreContract {

    record Rows(Integer rows) {}

    static final Duration WAIT = Duration.ofSeconds(30);
    final S3MockServer s3 = S3MockServer.shared();
    final String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    final SettableClock clock = SettableClock.startingAt("2026-11-23T10:00:00Z");

    @TempDir
    Path dataDir;

    private Longrun longrun;
    private S3ResultStore store;

    /** Points the builder at this contract's database. */
    abstract LongrunBuilder database(LongrunBuilder builder);

    Longrun start(S3Settings settings) {
        store = new S3ResultStore(settings);
        JobType<Rows> export = JobType.builder("test.export", Rows.class, ctx -> {
            ResultFile file = ctx.resultFile("export rows.csv", "text/csv", out -> {
                for (int i = 1; i <= ctx.params().rows(); i++) {
                    out.write(("row," + i + "\n").getBytes(StandardCharsets.UTF_8));
                }
                return (long) ctx.params().rows();
            });
            return JobResult.file(file, ctx.params().rows() + " rows exported");
        }).retryPolicy(RetryPolicy.none()).build();
        longrun = database(Longrun.builder().dataDir(dataDir).clock(clock).pollInterval(Duration.ofMillis(50))
                .shutdownGrace(Duration.ofMillis(300)).resultStore(store).register(export)).build();
        return longrun;
    }

    @AfterEach
    void stop() {
        if (longrun != null) {
            longrun.close();
        }
        if (store != null) {
            store.close();
        }
    }

    Job export(int rows) {
        UUID id = longrun.start("test.export", Map.of("rows", rows), StartOptions.forUser(account, "alice")).job().id();
        await().atMost(WAIT).until(() -> longrun.get(id).orElseThrow().status().isTerminal());
        return longrun.get(id).orElseThrow();
    }

    @Test
    void aJobsResultFileIsPutInTheBucketAndReadBack() throws IOException {
        String bucket = s3.newBucket();
        start(s3.settings(bucket).withPrefix("longrun/"));
        Job job = export(1000);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        ResultFile file = job.result().file();
        assertThat(file.sizeBytes()).isEqualTo(expectedCsv(1000).length());
        var head = s3.admin().headObject(b -> b.bucket(bucket).key("longrun/" + file.storageKey()));
        assertThat(head.contentLength()).isEqualTo(file.sizeBytes());
        assertThat(longrun.settings().resultStore()).isEqualTo("s3://" + bucket + "/longrun/ at " + s3.endpoint());
        try (InputStream in = longrun.results().open(file)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(expectedCsv(1000));
        }
        assertThat(longrun.results().exists(file)).isTrue();
    }

    /** A download resumed with a Range request reads only the rest from the bucket (a ranged GET), not the whole object. */
    @Test
    void aFileOpenedPartWayInIsReadFromTheBucketFromThatByteOn() throws IOException {
        start(s3.settings(s3.newBucket()));
        ResultFile file = export(1000).result().file();
        String csv = expectedCsv(1000);
        int offset = csv.length() - 100;

        try (InputStream in = longrun.results().open(file, offset)) {
            GetObjectResponse object = (GetObjectResponse) ((ResponseInputStream<?>) in).response();
            assertThat(object.contentLength()).as("bytes sent by the bucket").isEqualTo(100);
            assertThat(object.contentRange()).isEqualTo("bytes " + offset + "-" + (csv.length() - 1) + "/" + csv.length());
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv.substring(offset));
        }
        try (InputStream in = longrun.results().open(file, 0)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv);
        }
    }

    @Test
    void aPresignedUrlDownloadsTheFileUnderItsNameAndCarriesItsLifetime() throws Exception {
        String bucket = s3.newBucket();
        start(s3.settings(bucket));
        ResultFile file = export(3).result().file();

        URI url = longrun.results().directDownload(file, "export rows.csv", Duration.ofMinutes(5)).orElseThrow();
        assertThat(url.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");
        HttpResponse<String> res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).isEqualTo(expectedCsv(3));
        assertThat(res.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).contains("export%20rows.csv"));
        assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    }

    @Test
    void retentionDeletesTheObject() {
        String bucket = s3.newBucket();
        start(s3.settings(bucket));
        ResultFile file = export(5).result().file();
        assertThat(longrun.results().exists(file)).isTrue();

        clock.advance(Duration.ofHours(73));
        await().atMost(WAIT).until(() -> !longrun.results().exists(file));
        assertThatThrownBy(() -> s3.admin().headObject(b -> b.bucket(bucket).key(file.storageKey()))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void clearingAFinishedJobKeepsItsObjectsUntilRetention() {
        String bucket = s3.newBucket();
        start(s3.settings(bucket));
        ResultFile file = export(2).result().file();

        // "Clear finished" only hides the job from the list; retention deletes the object (test above).
        assertThat(longrun.clearFinished(account, "alice")).isEqualTo(1);
        assertThat(longrun.results().exists(file)).isTrue();
    }

    @Test
    void aMissingBucketStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> start(s3.settings("no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8))))
                .isInstanceOfSatisfying(LongrunException.class, e -> {
                    assertThat(e.code()).isEqualTo("result_store_unavailable");
                    assertThat(e.getMessage()).contains("s3://no-such-bucket-").contains("does not exist");
                });
    }

    @Test
    void anUnreachableStoreStopsTheStartWithAClearMessage() throws IOException {
        URI nowhere = URI.create("http://127.0.0.1:" + S3MockServer.freePort());
        S3Settings settings = s3.settings("results").withEndpoint(nowhere, true);
        assertThatThrownBy(() -> start(settings))
                .isInstanceOfSatisfying(LongrunException.class, e -> assertThat(e.getMessage())
                        .contains("s3://results/ at " + nowhere).contains("cannot be reached"));
    }

    @Test
    void aBucketThatGoesAwayFailsTheJobInsteadOfSucceedingWithoutItsFile() {
        String bucket = s3.newBucket();
        start(s3.settings(bucket));
        s3.admin().deleteBucket(b -> b.bucket(bucket));

        Job job = export(10);

        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.result()).isNull();
        assertThat(job.errorMessage()).isNotBlank();
    }

    static String expectedCsv(int rows) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rows; i++) {
            sb.append("row,").append(i).append('\n');
        }
        return sb.toString();
    }
}
