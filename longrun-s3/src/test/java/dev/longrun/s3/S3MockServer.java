package dev.longrun.s3;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe S3Mock ({@code com.adobe.testing:s3mock:4.11.0:exec}, copied to {@code longrun-s3/target/s3mock/s3mock.jar} by the
 * build) as a process of its own on free loopback ports, started once per test JVM and stopped when it ends.
 * {@link #newBucket()} gives each test a bucket of its own.
 */
public final class S3MockServer {

    public static final String ACCESS_KEY = "longrun-test";
    public static final String SECRET_KEY = "longrun-test-secret";
    private static final Path JAR = locateJar();
    private static S3MockServer shared;

    private final Process process;
    private final URI endpoint;
    private final S3Client admin;

    private S3MockServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.admin = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY))).build();
    }

    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            S3MockServer started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return shared;
    }

    private static S3MockServer start() {
        try {
            int http = freePort();
            int https = freePort();
            Path root = Files.createTempDirectory("s3mock-");
            Path log = root.resolve("s3mock.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                    "--server.port=" + https, "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.http-port=" + http,
                    "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                    "--logging.level.root=warn"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + http);
            waitUntilUp(p, endpoint, log);
            return new S3MockServer(p, endpoint);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start S3Mock from " + JAR, e);
        }
    }

    /** S3Mock starts in about 5 s on an idle machine; the bound only keeps a broken start from hanging the build. */
    private static void waitUntilUp(Process p, URI endpoint, Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("S3Mock did not answer on " + endpoint + " within 3 minutes:\n" + Files.readString(log));
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for checking what is in the buckets, independent of the store under test. */
    public S3Client admin() {
        return admin;
    }

    /** A fresh, empty bucket. */
    public String newBucket() {
        String name = "results-" + UUID.randomUUID().toString().substring(0, 12);
        admin.createBucket(b -> b.bucket(name));
        return name;
    }

    /** Store settings for {@code bucket} on this server (path-style, static test credentials). */
    public S3Settings settings(String bucket) {
        return S3Settings.bucket(bucket).withEndpoint(endpoint, true).withCredentials(ACCESS_KEY, SECRET_KEY);
    }

    private void stop() {
        admin.close();
        process.destroy();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path locateJar() {
        for (Path candidate : List.of(Path.of("target", "s3mock", "s3mock.jar"), Path.of("..", "longrun-s3", "target", "s3mock", "s3mock.jar"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return Path.of("..", "longrun-s3", "target", "s3mock", "s3mock.jar").toAbsolutePath();
    }
}
