package dev.longrun;

import dev.longrun.runtime.Engine;
import dev.longrun.runtime.EngineSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Configures a {@link Longrun}. With no DataSource, jobs live in an embedded SQLite file under
 * {@link #dataDir}; with a PostgreSQL DataSource, any number of nodes share the work.
 */
public final class LongrunBuilder {

    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String DEFAULT_SCHEMA = "longrun";
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_PROGRESS_FLUSH_INTERVAL = Duration.ofMillis(250);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_FILE_RETENTION = Duration.ofHours(72);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private DataSource dataSource;
    private Path dataDir = DEFAULT_DATA_DIR;
    private String schema = DEFAULT_SCHEMA;
    private Clock clock = Clock.systemUTC();
    private int concurrency = DEFAULT_CONCURRENCY;
    private Set<String> queues;
    private String nodeName;
    private boolean runWorkers = true;
    private Duration lease = DEFAULT_LEASE;
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Duration progressFlushInterval = DEFAULT_PROGRESS_FLUSH_INTERVAL;
    private Duration retention = DEFAULT_RETENTION;
    private Duration fileRetention = DEFAULT_FILE_RETENTION;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
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
    /** Jobs run at once on this node (each on a virtual thread). Default 8. */
    public LongrunBuilder concurrency(int concurrency) {
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        this.concurrency = concurrency;
        return this;
    }
    /** Queues this node works on; default: the queues of the registered types. */
    public LongrunBuilder queues(Set<String> queues) { this.queues = Set.copyOf(queues); return this; }
    /** A readable name for this node in lease owners; default host + random suffix. */
    public LongrunBuilder nodeName(String nodeName) { this.nodeName = nodeName; return this; }
    /** False for an API-only node that starts and reads jobs but runs none. */
    public LongrunBuilder runWorkers(boolean runWorkers) { this.runWorkers = runWorkers; return this; }
    /** How long a claim lasts without a heartbeat before another node may take the job over. Default 30 s. */
    public LongrunBuilder lease(Duration lease) { this.lease = Objects.requireNonNull(lease); return this; }
    /** Fallback poll for new jobs when no wake-up arrives. Default 1 s. */
    public LongrunBuilder pollInterval(Duration interval) { this.pollInterval = Objects.requireNonNull(interval); return this; }
    /** How often coalesced progress is written. Default 250 ms. */
    public LongrunBuilder progressFlushInterval(Duration interval) { this.progressFlushInterval = Objects.requireNonNull(interval); return this; }
    /** Finished jobs are deleted after this. Default 30 days. */
    public LongrunBuilder retention(Duration retention) { this.retention = Objects.requireNonNull(retention); return this; }
    /** Result files are deleted after this. Default 72 hours. */
    public LongrunBuilder fileRetention(Duration retention) { this.fileRetention = Objects.requireNonNull(retention); return this; }
    /** How long {@code close()} lets running handlers finish before handing their jobs back. Default 10 s. */
    public LongrunBuilder shutdownGrace(Duration grace) { this.shutdownGrace = Objects.requireNonNull(grace); return this; }

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
                runWorkers, lease, pollInterval, progressFlushInterval, retention, fileRetention, shutdownGrace, Map.copyOf(types));
        return Engine.boot(settings);
    }
}
