package dev.longrun;

import dev.longrun.result.ResultStore;
import dev.longrun.runtime.Engine;
import dev.longrun.runtime.EngineSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Configures a {@link Longrun}. With no DataSource, jobs live in an embedded SQLite file under
 * {@link #dataDir}; with a PostgreSQL DataSource, any number of nodes share the work.
 *
 * <p>The {@code DEFAULT_*} constants are the one place defaults are written (the Spring Boot starter's properties
 * start from them). A setter refuses a value the engine cannot run with, with an {@link IllegalArgumentException}
 * naming the setting.
 */
public final class LongrunBuilder {

    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String DEFAULT_SCHEMA = "longrun";
    /**
     * Jobs at once on a node. A user-facing job mostly waits (on a database, an API, a file) and runs on a virtual
     * thread, so 8 left a node idle; measured (docs/benchmarks/scale.md, "First pass", item 5) the drain rises in step with
     * the workers up to 32 (3.5x the rate of 8) and gains less per worker above it, while every extra running handler
     * competes for the host's own resources (a job using the application's DataSource holds one of its connections).
     */
    public static final int DEFAULT_CONCURRENCY = 32;
    /**
     * Lease and rescue defaults (docs/RELIABILITY.md, docs/BENCHMARKS.md "Chaos"): a job of a killed node waits about
     * lease + rescue interval before another node takes it, and its user sees "running" meanwhile. A 10 s lease lost
     * live nodes' jobs in the first chaos run, but that was 16 workers waiting for 10 connections (heartbeats queued
     * behind them), since fixed by sizing the pool above the workers. With that, on a 2-core machine at load ~20, a
     * 10 s lease lost no live node's job (takeover median 19 s) and 30 s made users wait 49 s; 15 s keeps three missed
     * heartbeats (every lease/3) of margin. The rescue interval, a cheap indexed UPDATE, has its own 2 s setting.
     */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_RESCUE_INTERVAL = Duration.ofSeconds(2);
    public static final Duration DEFAULT_IDEMPOTENCY_KEY_LIFETIME = Duration.ofHours(24);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_PROGRESS_FLUSH_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_FILE_RETENTION = Duration.ofHours(72);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final boolean DEFAULT_RUN_WORKERS = true;
    /**
     * A database restarting, or deployed together with the nodes, is usually back within seconds; a minute also
     * matches the server's HikariCP {@code initialization-fail-timeout}, so a node waits about as long either way.
     */
    public static final Duration DEFAULT_DATABASE_WAIT_AT_START = Duration.ofSeconds(60);
    /** What a queue name may look like (as in {@link JobType.Builder#queue}): letters, digits, {@code . _ -}. */
    public static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private DataSource dataSource;
    private Path dataDir = DEFAULT_DATA_DIR;
    private String schema = DEFAULT_SCHEMA;
    private Clock clock = Clock.systemUTC();
    private int concurrency = DEFAULT_CONCURRENCY;
    private Set<String> queues;
    private String nodeName;
    private boolean runWorkers = DEFAULT_RUN_WORKERS;
    private ResultStore resultStore;
    private Duration lease = DEFAULT_LEASE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration progressFlushInterval = DEFAULT_PROGRESS_FLUSH_INTERVAL;
    private Duration retention = DEFAULT_RETENTION;
    private Duration fileRetention = DEFAULT_FILE_RETENTION;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private Duration rescueInterval = DEFAULT_RESCUE_INTERVAL;
    private Duration idempotencyKeyLifetime = DEFAULT_IDEMPOTENCY_KEY_LIFETIME;
    private Duration databaseWaitAtStart = DEFAULT_DATABASE_WAIT_AT_START;
    private final Map<String, JobType<?>> types = new LinkedHashMap<>();

    LongrunBuilder() {
    }

    /**
     * The embedded database a builder without a DataSource uses: a SQLite file {@code longrun.db} under
     * {@code dataDir}, for a host that wants the same database for its own tables. Its caller closes it
     * (it is {@link AutoCloseable}).
     */
    public static DataSource embeddedDatabase(Path dataDir) {
        return Engine.embeddedDatabase(dataDir);
    }

    /** A PostgreSQL or SQLite DataSource; without one, an embedded SQLite file in {@link #dataDir}. */
    public LongrunBuilder dataSource(DataSource dataSource) { this.dataSource = dataSource; return this; }
    /** Embedded database and result files. Default {@code ./data}. */
    public LongrunBuilder dataDir(Path dataDir) { this.dataDir = Objects.requireNonNull(dataDir); return this; }
    /** PostgreSQL schema of Longrun's tables. Default {@code longrun}. */
    public LongrunBuilder schema(String schema) { this.schema = Objects.requireNonNull(schema); return this; }
    public LongrunBuilder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }
    /** Jobs run at once on this node (each on a virtual thread). Default {@value #DEFAULT_CONCURRENCY}. */
    public LongrunBuilder concurrency(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        this.concurrency = concurrency;
        return this;
    }
    /** Queues this node works on (names as {@link #QUEUE_NAME}); default: the queues of the registered types. */
    public LongrunBuilder queues(Set<String> queues) {
        if (queues.isEmpty()) throw new IllegalArgumentException("queues must name at least one queue (or be left unset for the queues of the registered types)");
        for (String q : queues) {
            if (q == null || !QUEUE_NAME.matcher(q).matches()) {
                throw new IllegalArgumentException("queues: '" + q + "' is not a queue name (1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit)");
            }
        }
        this.queues = Set.copyOf(queues);
        return this;
    }
    /** A readable name for this node in lease owners; default host + random suffix. */
    public LongrunBuilder nodeName(String nodeName) {
        if (nodeName != null && (nodeName.isBlank() || nodeName.length() > 100)) {
            throw new IllegalArgumentException("nodeName must be 1 to 100 characters, was '" + nodeName + "'");
        }
        this.nodeName = nodeName;
        return this;
    }
    /** False for an API-only node that starts and reads jobs but runs none. */
    public LongrunBuilder runWorkers(boolean runWorkers) { this.runWorkers = runWorkers; return this; }
    /** How long a claim lasts without a heartbeat before another node may take the job over. Default 30 s. */
    public LongrunBuilder lease(Duration lease) { this.lease = positive("lease", lease); return this; }
    /** Fallback poll for new jobs when no wake-up arrives. Default 1 s. */
    public LongrunBuilder pollInterval(Duration interval) { this.pollInterval = positive("pollInterval", interval); return this; }
    /** How often coalesced progress is written. Default 250 ms. */
    public LongrunBuilder progressFlushInterval(Duration interval) { this.progressFlushInterval = positive("progressFlushInterval", interval); return this; }
    /** Finished jobs are deleted after this. Default 30 days. */
    public LongrunBuilder retention(Duration retention) { this.retention = positive("retention", retention); return this; }
    /** Result files are deleted after this. Default 72 hours. */
    public LongrunBuilder fileRetention(Duration retention) { this.fileRetention = positive("fileRetention", retention); return this; }
    /** How long {@code close()} lets running handlers finish before handing their jobs back. Default 10 s. */
    public LongrunBuilder shutdownGrace(Duration grace) { this.shutdownGrace = notNegative("shutdownGrace", grace); return this; }
    /**
     * How long {@link #build()} keeps trying while the database cannot be reached or drops its connections (e.g. in
     * the middle of the migration) before it gives up; an error of the schema itself fails at once. Default 60 s;
     * zero gives up at the first failure.
     */
    public LongrunBuilder databaseWaitAtStart(Duration wait) {
        this.databaseWaitAtStart = notNegative("databaseWaitAtStart", wait);
        return this;
    }
    /** How often this node looks for jobs whose lease expired (their worker died). Default 2 s. */
    public LongrunBuilder rescueInterval(Duration interval) { this.rescueInterval = positive("rescueInterval", interval); return this; }
    /**
     * How long a client's Idempotency-Key is remembered: a repeat within it returns the first job in whatever state,
     * even after the job finished or was cleared. Default 24 hours (as Stripe and the IETF Idempotency-Key draft).
     */
    public LongrunBuilder idempotencyKeyLifetime(Duration lifetime) {
        this.idempotencyKeyLifetime = positive("idempotencyKeyLifetime", lifetime);
        return this;
    }

    /** Where result files are kept. Default: a {@code LocalResultStore} under {@code <dataDir>/results}. */
    public LongrunBuilder resultStore(ResultStore store) { this.resultStore = Objects.requireNonNull(store); return this; }

    public LongrunBuilder register(JobType<?> type) {
        if (types.putIfAbsent(type.name(), type) != null) {
            throw new IllegalArgumentException("Job type '" + type.name() + "' is registered twice");
        }
        return this;
    }

    public <P> LongrunBuilder register(String name, Class<P> paramsType, JobHandler<P> handler) {
        return register(JobType.builder(name, paramsType, handler).build());
    }

    /** Migrates the schema, then starts the workers (unless disabled). */
    public Longrun build() {
        EngineSettings settings = new EngineSettings(dataSource, dataDir, schema, clock, concurrency, queues, nodeName,
                runWorkers, lease, pollInterval, progressFlushInterval, retention, fileRetention, shutdownGrace, rescueInterval,
                idempotencyKeyLifetime, Map.copyOf(types), resultStore, databaseWaitAtStart);
        return Engine.boot(settings);
    }

    private static Duration positive(String setting, Duration value) {
        Objects.requireNonNull(value, setting);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be a positive duration, was " + value);
        }
        return value;
    }

    private static Duration notNegative(String setting, Duration value) {
        Objects.requireNonNull(value, setting);
        if (value.isNegative()) {
            throw new IllegalArgumentException(setting + " must not be negative, was " + value);
        }
        return value;
    }
}
