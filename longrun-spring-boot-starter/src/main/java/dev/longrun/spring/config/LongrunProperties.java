package dev.longrun.spring.config;

import dev.longrun.LongrunBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code longrun.*} settings of a host application (documented in the configuration metadata).
 * Read by the auto-configuration, which builds the engine, security, uploads and result links from them.
 */
@ConfigurationProperties("longrun")
public class LongrunProperties {

    /** Embedded database (when the application has no DataSource), uploads and result files. */
    private Path dataDir = LongrunBuilder.DEFAULT_DATA_DIR;

    /** API keys backends call with (X-Longrun-Api-Key or Authorization: Bearer). Held in memory only as SHA-256 hashes. */
    private List<String> apiKeys = new ArrayList<>();

    /** PostgreSQL schema of Longrun's tables. */
    private String schema = LongrunBuilder.DEFAULT_SCHEMA;

    /** Finished jobs (with their logs and items) are deleted after this. */
    private Duration retention = LongrunBuilder.DEFAULT_RETENTION;

    /** Largest JSON request body the API accepts (uploads have their own limit). */
    private DataSize maxRequestBody = DataSize.ofMegabytes(1);

    private final Worker worker = new Worker();
    private final Results results = new Results();
    private final Uploads uploads = new Uploads();
    private final Tokens tokens = new Tokens();
    private final Sse sse = new Sse();

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
    public DataSize getMaxRequestBody() { return maxRequestBody; }
    public void setMaxRequestBody(DataSize maxRequestBody) { this.maxRequestBody = maxRequestBody; }
    public Worker getWorker() { return worker; }
    public Results getResults() { return results; }
    public Uploads getUploads() { return uploads; }
    public Tokens getTokens() { return tokens; }
    public Sse getSse() { return sse; }
    public List<User> getUsers() { return users; }
    public void setUsers(List<User> users) { this.users = users; }

    public static class Worker {
        /** Jobs run at once on this node. */
        private int concurrency = LongrunBuilder.DEFAULT_CONCURRENCY;
        /** False for an API-only node: it starts and reads jobs but runs none. */
        private boolean enabled = true;

        public int getConcurrency() { return concurrency; }
        public void setConcurrency(int concurrency) { this.concurrency = concurrency; }
        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    public static class Results {
        /** How long a signed download link works. */
        private Duration linkTtl = Duration.ofHours(24);
        /** How long result files are kept; fresh links can be requested until then. */
        private Duration retention = LongrunBuilder.DEFAULT_FILE_RETENTION;

        public Duration getLinkTtl() { return linkTtl; }
        public void setLinkTtl(Duration linkTtl) { this.linkTtl = linkTtl; }
        public Duration getRetention() { return retention; }
        public void setRetention(Duration retention) { this.retention = retention; }
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

        public Duration getHeartbeat() { return heartbeat; }
        public void setHeartbeat(Duration heartbeat) { this.heartbeat = heartbeat; }
        public int getBufferSize() { return bufferSize; }
        public void setBufferSize(int bufferSize) { this.bufferSize = bufferSize; }
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
