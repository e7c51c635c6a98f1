package dev.longrun.spring.config;

import dev.longrun.LongrunBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code longrun.*} settings of a host application (documented in the configuration metadata). Engine defaults
 * come from {@link LongrunBuilder}'s constants, written once there. A value the engine cannot run with (a negative or
 * zero duration, a queue name with spaces) stops the application at start with a message naming the property.
 * Read by the auto-configuration, which builds the engine, security, uploads and result links from them.
 */
@ConfigurationProperties("longrun")
@Validated
public class LongrunProperties {

    /** Embedded database (when the application has no DataSource), uploads and result files. */
    @NotNull
    private Path dataDir = LongrunBuilder.DEFAULT_DATA_DIR;

    /** API keys backends call with (X-Longrun-Api-Key or Authorization: Bearer). Held in memory only as SHA-256 hashes. */
    private List<String> apiKeys = new ArrayList<>();

    /** PostgreSQL schema of Longrun's tables. */
    @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,62}", message = "must be a plain SQL identifier (letters, digits, _)")
    private String schema = LongrunBuilder.DEFAULT_SCHEMA;

    /** Finished jobs (with their logs and items) are deleted after this. */
    @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
    private Duration retention = LongrunBuilder.DEFAULT_RETENTION;

    /**
     * How long an Idempotency-Key is remembered per account and user: a repeat within it answers with the first job in
     * whatever state (200), even after the job finished or was cleared (409); afterwards the key starts a new job.
     */
    @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
    private Duration idempotencyKeyLifetime = LongrunBuilder.DEFAULT_IDEMPOTENCY_KEY_LIFETIME;

    /**
     * How long a node that starts while its database is unreachable, or drops connections in the middle of the
     * migration, keeps trying before it stops; an error of the schema itself stops it at once. 0: no wait.
     */
    @NotNull @DurationMin(nanos = 0, message = "must not be negative")
    private Duration databaseWaitAtStart = LongrunBuilder.DEFAULT_DATABASE_WAIT_AT_START;

    /** A readable name for this node in lease owners and logs (a random suffix is added); default: the host name. */
    @Size(min = 1, max = 100)
    private String nodeName;

    /** How often coalesced progress of running jobs is written (state changes are always written at once). */
    @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
    private Duration progressFlushInterval = LongrunBuilder.DEFAULT_PROGRESS_FLUSH_INTERVAL;

    /** Largest JSON request body the API accepts (uploads have their own limit). */
    private DataSize maxRequestBody = DataSize.ofMegabytes(1);

    @Valid
    private final Worker worker = new Worker();
    @Valid
    private final Results results = new Results();
    private final Uploads uploads = new Uploads();
    private final Tokens tokens = new Tokens();
    private final Sse sse = new Sse();
    private final Http http = new Http();

    /** People who may sign in to the dashboard (POST /api/session). */
    private List<User> users = new ArrayList<>();

    public Path getDataDir() { return dataDir; }
    public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
    public List<String> getApiKeys() { return apiKeys; }
    public void setApiKeys(List<String> apiKeys) { this.apiKeys = apiKeys; }
    public String getSchema() { return schema; }
    public void setSchema(String schema) { this.schema = schema; }
    public Duration getRetention() { return retention; }
    public void setRetention(Duration retention) { this.retention = retention; }
    public Duration getIdempotencyKeyLifetime() { return idempotencyKeyLifetime; }
    public void setIdempotencyKeyLifetime(Duration lifetime) { this.idempotencyKeyLifetime = lifetime; }
    public Duration getDatabaseWaitAtStart() { return databaseWaitAtStart; }
    public void setDatabaseWaitAtStart(Duration wait) { this.databaseWaitAtStart = wait; }
    public DataSize getMaxRequestBody() { return maxRequestBody; }
    public void setMaxRequestBody(DataSize maxRequestBody) { this.maxRequestBody = maxRequestBody; }
    public String getNodeName() { return nodeName; }
    public void setNodeName(String nodeName) { this.nodeName = nodeName; }
    public Duration getProgressFlushInterval() { return progressFlushInterval; }
    public void setProgressFlushInterval(Duration progressFlushInterval) { this.progressFlushInterval = progressFlushInterval; }
    public Worker getWorker() { return worker; }
    public Results getResults() { return results; }
    public Uploads getUploads() { return uploads; }
    public Tokens getTokens() { return tokens; }
    public Sse getSse() { return sse; }
    public Http getHttp() { return http; }
    public List<User> getUsers() { return users; }
    public void setUsers(List<User> users) { this.users = users; }

    public static class Worker {
        /** Jobs run at once on this node. */
        @Min(1)
        private int concurrency = LongrunBuilder.DEFAULT_CONCURRENCY;
        /** False for an API-only node: it starts and reads jobs but runs none. */
        private boolean enabled = LongrunBuilder.DEFAULT_RUN_WORKERS;
        /** Queues this node claims jobs from (letters, digits, '.', '_', '-'); empty: the queues of the registered job types. */
        private List<@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "must be a queue name: 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit") String> queues = new ArrayList<>();
        /**
         * How long a claim lasts without a heartbeat (sent every third of it) before another node takes the job over;
         * with the rescue interval, about how long a dead node's job waits (docs/RELIABILITY.md).
         */
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
        private Duration lease = LongrunBuilder.DEFAULT_LEASE;
        /** How often each node looks for jobs whose lease expired. */
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
        private Duration rescueInterval = LongrunBuilder.DEFAULT_RESCUE_INTERVAL;
        /** Fallback poll for new jobs when no wake-up arrives; also the maintenance interval. */
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
        private Duration pollInterval = LongrunBuilder.DEFAULT_POLL_INTERVAL;
        /** How long shutdown lets running handlers finish before handing their jobs back to the queue. */
        @NotNull @DurationMin(nanos = 0, inclusive = true, message = "must not be negative")
        private Duration shutdownGrace = LongrunBuilder.DEFAULT_SHUTDOWN_GRACE;

        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public List<String> getQueues() { return queues; }
        public void setQueues(List<String> queues) { this.queues = queues; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public Duration getRescueInterval() { return rescueInterval; }
        public void setRescueInterval(Duration rescueInterval) { this.rescueInterval = rescueInterval; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public Duration getShutdownGrace() { return shutdownGrace; }
        public void setShutdownGrace(Duration shutdownGrace) { this.shutdownGrace = shutdownGrace; }
    }

    /** Where result files are kept. */
    public enum StoreKind { LOCAL, S3 }

    /** How {@code /api/files/<token>} hands out a file once the signed link is checked. */
    public enum DownloadMode {
        /** A redirect to a short-lived presigned URL of the store (S3); streamed when the store has none (local files). */
        REDIRECT,
        /** Always streamed through the application. */
        STREAM
    }

    public static class Results {
        /** How long a signed download link works. */
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
        private Duration linkTtl = Duration.ofHours(24);
        /** How long result files are kept; fresh links can be requested until then. */
        @NotNull @DurationMin(nanos = 1, message = "must be a positive duration")
        private Duration retention = LongrunBuilder.DEFAULT_FILE_RETENTION;
        /** local: files under data-dir/results (one node, or a shared file system); s3: an S3-compatible bucket (needs dev.longrun:longrun-s3). */
        @NotNull
        private StoreKind store = StoreKind.LOCAL;
        /** redirect: after the signed link is checked, send the browser to a presigned URL of the store; stream: serve through this node. */
        @NotNull
        private DownloadMode download = DownloadMode.REDIRECT;
        /** Lifetime of a presigned URL the browser is redirected to (keep it short: the signed Longrun link is the lasting one). */
        @NotNull @DurationMin(seconds = 1, message = "must be at least 1 second")
        private Duration presignTtl = Duration.ofMinutes(5);
        @Valid
        private final S3 s3 = new S3();

        public Duration getLinkTtl() { return linkTtl; }
        public void setLinkTtl(Duration linkTtl) { this.linkTtl = linkTtl; }
        public Duration getRetention() { return retention; }
        public void setRetention(Duration retention) { this.retention = retention; }
        public StoreKind getStore() { return store; }
        public void setStore(StoreKind store) { this.store = store; }
        public DownloadMode getDownload() { return download; }
        public void setDownload(DownloadMode download) { this.download = download; }
        public Duration getPresignTtl() { return presignTtl; }
        public void setPresignTtl(Duration presignTtl) { this.presignTtl = presignTtl; }
        public S3 getS3() { return s3; }
    }

    /** {@code longrun.results.s3.*}: the bucket when {@code longrun.results.store=s3}. */
    public static class S3 {
        /** An existing bucket; checked at start. */
        private String bucket;
        /** Put before every object key, e.g. longrun/results/. */
        private String prefix = "";
        /** An S3-compatible endpoint (MinIO, Ceph, R2 ...); empty for AWS S3. */
        private URI endpoint;
        /** Signing region. */
        private String region = "us-east-1";
        /** Path-style addresses (http://host/bucket/key), which most S3-compatible stores need. */
        private boolean pathStyle = false;
        /** With secret-access-key: static credentials; both empty: the AWS SDK's default chain (environment, profile, role). */
        private String accessKeyId;
        /** See access-key-id. */
        private String secretAccessKey;

        public String getBucket() { return bucket; }
        public void setBucket(String bucket) { this.bucket = bucket; }
        public String getPrefix() { return prefix; }
        public void setPrefix(String prefix) { this.prefix = prefix; }
        public URI getEndpoint() { return endpoint; }
        public void setEndpoint(URI endpoint) { this.endpoint = endpoint; }
        public String getRegion() { return region; }
        public void setRegion(String region) { this.region = region; }
        public boolean isPathStyle() { return pathStyle; }
        public void setPathStyle(boolean pathStyle) { this.pathStyle = pathStyle; }
        public String getAccessKeyId() { return accessKeyId; }
        public void setAccessKeyId(String accessKeyId) { this.accessKeyId = accessKeyId; }
        public String getSecretAccessKey() { return secretAccessKey; }
        public void setSecretAccessKey(String secretAccessKey) { this.secretAccessKey = secretAccessKey; }
    }

    public static class Uploads {
        /** Largest accepted upload; larger ones get a 413 problem. Also sets the servlet multipart limits. */
        private DataSize maxSize = DataSize.ofMegabytes(50);
        /** Uploads are deleted after this (a job should be started from them before). */
        private Duration ttl = Duration.ofHours(24);

        public DataSize getMaxSize() { return maxSize; }
        public void setMaxSize(DataSize maxSize) { this.maxSize = maxSize; }
        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
    }

    public static class Tokens {
        /**
         * Secret (at least 32 characters) that signs browser tokens and download links. Set the same value on
         * every node. When absent, a random one is created once and kept in {@code <data-dir>/secret} (mode 600), which
         * serves a single node; several nodes must set this property.
         */
        private String secret;
        /** Lifetime of browser tokens and of dashboard sessions. */
        private Duration ttl = Duration.ofHours(8);

        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public Duration getTtl() { return ttl; }
        public void setTtl(Duration ttl) { this.ttl = ttl; }
    }

    public static class Sse {
        /** Interval of heartbeat comments on open event streams (keeps proxies from closing idle streams). */
        private Duration heartbeat = Duration.ofSeconds(15);
        /** Different jobs one subscriber may be behind on; a subscriber further behind is disconnected (it reconnects). */
        private int bufferSize = 1024;
        /**
         * Event streams one person may hold open on a node at once: a tab uses one or two, and each stream holds a
         * connection and about 20 KiB, so without a bound one person's script could fill the node's memory.
         */
        private int maxStreamsPerUser = 64;

        public Duration getHeartbeat() { return heartbeat; }
        public void setHeartbeat(Duration heartbeat) { this.heartbeat = heartbeat; }
        public int getBufferSize() { return bufferSize; }
        public void setBufferSize(int bufferSize) { this.bufferSize = bufferSize; }
        public int getMaxStreamsPerUser() { return maxStreamsPerUser; }
        public void setMaxStreamsPerUser(int maxStreamsPerUser) { this.maxStreamsPerUser = maxStreamsPerUser; }
    }

    public static class Http {
        /**
         * Path the HTTP API is served under (e.g. /jobs-api to leave /api to the host). Longrun's security and error
         * handling cover only its own endpoints below it, so a host's endpoints under the same prefix keep theirs.
         */
        private String basePath = "/api";
        /**
         * The host's own path patterns (e.g. /api/contacts/**) that Longrun's credentials also guard, so the host's
         * controllers there can take a {@code @AuthenticationPrincipal Caller}. Empty: the host secures its paths itself.
         */
        private List<String> hostPaths = new ArrayList<>();

        public String getBasePath() { return basePath; }
        public void setBasePath(String basePath) { this.basePath = basePath; }
        public List<String> getHostPaths() { return hostPaths; }
        public void setHostPaths(List<String> hostPaths) { this.hostPaths = hostPaths; }
    }

    public static class User {
        /** Sign-in name; also the user id jobs are owned by. */
        private String username;
        /** Password hash: bcrypt ("$2a$...") or any Spring Security "{id}hash". Never the plain password. */
        private String password;
        /** Account (tenant) the user belongs to. */
        private String account = "default";
        /** Name shown in the dashboard. */
        private String displayName;

        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getAccount() { return account; }
        public void setAccount(String account) { this.account = account; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String displayName) { this.displayName = displayName; }
    }
}
