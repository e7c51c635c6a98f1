package dev.longrun.runtime;

import dev.longrun.Eta;
import dev.longrun.Insight;
import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobItem;
import dev.longrun.JobLog;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import dev.longrun.JobStamp;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.LongrunException;
import dev.longrun.LongrunSettings;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import dev.longrun.StartResult;
import dev.longrun.event.JobEvent;
import dev.longrun.event.JobEvents;
import dev.longrun.event.LocalEventBus;
import dev.longrun.estimate.Estimator;
import dev.longrun.estimate.QueueStanding;
import dev.longrun.result.LocalResultStore;
import dev.longrun.result.ResultStore;
import dev.longrun.store.CrossNodeEvents;
import dev.longrun.store.DatabaseWait;
import dev.longrun.store.EmbeddedDatabase;
import dev.longrun.store.Finish;
import dev.longrun.store.JobStore;
import dev.longrun.store.JobStores;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine behind {@link Longrun}: wires the store, this node's workers, maintenance and events,
 * and owns their lifecycle. User operations live in {@link JobStarter} and {@link UserActions}.
 */
public final class Engine implements Longrun {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineSettings settings;
    private final JobStore store;
    private final DataSource ownedDataSource;
    private final ResultStore results;
    private final LocalEventBus bus = new LocalEventBus();
    private final LocalEventBus localBus = new LocalEventBus();
    private final ParamsBinder json = new ParamsBinder();
    private final String owner;
    private final CrossNodeEvents otherNodes;
    private final GroupCommit<Finish, Boolean> finisher;
    private final RunningJobs running = new RunningJobs();
    private final JobRunner runner;
    private final Maintenance maintenance;
    private final WorkerPool pool;
    private final Supervisor supervisor;
    private final JobStarter starter;
    private final UserActions actions;
    private final Estimator estimator;
    private volatile boolean closed;

    private Engine(EngineSettings settings, DataSource owned, JobStore store, ResultStore results) {
        this.settings = settings;
        this.store = store;
        this.ownedDataSource = owned;
        this.results = results;
        this.owner = nodeName(settings);
        NodeContext node = new NodeContext(store, results, settings.types(), json, settings.clock(), owner,
                settings.lease(), this::publish, this::wakeWorkers);
        this.estimator = new Estimator(settings.clock(), store.history());
        this.otherNodes = store.crossNodeEvents();
        this.finisher = new GroupCommit<>("longrun-finish", this::writeFinishes);
        ProgressWriter progress = new ProgressWriter(node);
        this.runner = new JobRunner(node, running, finisher, progress, this::succeeded);
        this.maintenance = new Maintenance(node, settings.retention(), settings.fileRetention(), settings.pollInterval(),
                settings.rescueInterval());
        Set<String> queues = queues(settings);
        boolean work = settings.runWorkers() && !queues.isEmpty();
        this.pool = work ? new WorkerPool(node, runner, queues, settings.concurrency(), settings.pollInterval()) : null;
        this.supervisor = work ? new Supervisor(node, running, pool, runner, progress, settings.progressFlushInterval()) : null;
        this.starter = new JobStarter(node, settings.idempotencyKeyLifetime(), maintenance,
                (type, params) -> estimator.expectedDurationSeconds(type.name(), Estimator.sizeHint(params)));
        this.actions = new UserActions(node, starter, running);
        otherNodes.listen(this::heard);
        log.info("Longrun started on {} as node {} ({} job types{})", store.databaseName(), owner, settings.types().size(),
                work ? ", " + settings.concurrency() + " workers on queues " + queues : ", no workers");
    }

    /**
     * Opens the store (embedded SQLite when no DataSource is given), migrates it, and boots this node; a database that
     * cannot be reached or drops connections meanwhile is waited for up to {@link EngineSettings#databaseWaitAtStart}.
     */
    public static Longrun boot(EngineSettings settings) {
        DataSource owned = settings.dataSource() == null ? embeddedDatabase(settings.dataDir()) : null;
        DataSource dataSource = owned != null ? owned : settings.dataSource();
        try {
            ResultStore results = settings.resultStore() != null ? settings.resultStore()
                    : new LocalResultStore(settings.dataDir().resolve("results"));
            checkResultStore(results);
            JobStore store = DatabaseWait.upTo(settings.databaseWaitAtStart()).run("migration", () -> {
                JobStore opened = JobStores.create(dataSource, settings.schema());
                opened.migrate();
                return opened;
            });
            return new Engine(settings, owned, store, results);
        } catch (RuntimeException e) {
            closeQuietly(owned);
            throw e;
        }
    }

    /** A node whose result files cannot be written must not start: its jobs would fail only at their end. */
    private static void checkResultStore(ResultStore results) {
        try {
            results.check();
        } catch (java.io.IOException | RuntimeException e) {
            throw new LongrunException("result_store_unavailable", "The result store " + results.describe()
                    + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The embedded SQLite database under {@code dataDir} (see {@link dev.longrun.LongrunBuilder#embeddedDatabase}). */
    public static DataSource embeddedDatabase(Path dataDir) {
        return EmbeddedDatabase.open(dataDir);
    }

    // --- Longrun ---------------------------------------------------------------------------

    @Override
    public StartResult start(String type, Object params, StartOptions options) {
        return starter.start(type, params, options);
    }

    @Override
    public List<StartResult> startAll(List<StartRequest> requests) {
        return starter.startAll(requests);
    }

    @Override public Optional<Job> get(UUID id) { return store.find(id); }
    @Override public List<Job> getAll(Collection<UUID> ids) { return store.findMany(ids); }
    @Override public Optional<JobStamp> stamp(UUID id) { return store.findStamp(id); }
    /**
     * Ranks the walk as of twice the lease ago: a finish is stamped when its outcome is decided and may commit up to a
     * lease later (the write is retried while the database is away), so a job read as running on the first page could
     * otherwise turn up again among jobs finished before the walk (seen in SqliteStartAndReadTest under load). Jobs
     * finished within that time stay in the first group, which is where a person looks for them anyway.
     */
    @Override
    public JobPage list(JobQuery query) {
        return store.list(query, listedAsOf());
    }

    @Override
    public dev.longrun.JobListing listWithCounts(JobQuery query) {
        return store.listWithCounts(query, listedAsOf());
    }

    private java.time.Instant listedAsOf() {
        return settings.clock().instant().minus(settings.lease().multipliedBy(2));
    }
    @Override
    public dev.longrun.JobCounts countJobs(JobQuery query) {
        return store.countJobs(query);
    }

    @Override
    public List<Job> changedSince(String accountId, String userId, java.time.Instant since, int limit) {
        return store.changedSince(accountId, userId, since, limit);
    }

    @Override public Job cancel(UUID id) { return actions.cancel(id); }
    @Override public StartResult retry(UUID id) { return actions.retry(id); }
    @Override public StartResult retryFailed(UUID id) { return actions.retryFailed(id); }
    @Override public Job confirm(UUID id) { return actions.confirm(id); }
    @Override public List<JobLog> logs(UUID id, int limit) { return store.records().logs(id, limit); }
    @Override public List<JobItem> items(UUID id, ItemStatus status, int offset, int limit) { return store.records().items(id, status, offset, limit); }
    @Override public List<UUID> cancelAll(String accountId, String userId) { return actions.cancelAll(accountId, userId); }
    @Override public int clearFinished(String accountId, String userId) { return actions.clearFinished(accountId, userId); }

    @Override
    public Insight insight(Job job) {
        estimator.observe(job);
        var now = settings.clock().instant();
        // Only a job that is in line has a place in it: one waiting for another job, or for its retry backoff, is
        // not among the runnable jobs counted, so its "position" would exceed the count it is of.
        boolean inLine = job.status() == JobStatus.PENDING && job.waitingFor() == null
                && (job.runAfter() == null || !job.runAfter().isAfter(now));
        var standing = inLine ? store.queueStanding(job, now, QueueStanding.COUNTED) : null;
        return estimator.insight(job, standing, settings.concurrency());
    }

    @Override
    public int queueDepth(String queue) {
        return store.queueDepth(queue, settings.clock().instant());
    }

    @Override
    public Eta usualDuration(String type) {
        Eta usual = estimator.usualDuration(type, null);
        if (usual != null) {
            return usual;
        }
        JobType<?> t = settings.types().get(type);
        return t == null || t.typicalMin() == null || t.typicalMax() == null ? null : Estimator.usualRange(t.typicalMin(), t.typicalMax());
    }

    @Override public Collection<JobType<?>> jobTypes() { return settings.types().values(); }
    @Override public Optional<JobType<?>> jobType(String name) { return Optional.ofNullable(settings.types().get(name)); }
    @Override
    public Object bindParams(String type, Object params) {
        JobType<?> t = settings.types().get(type);
        if (t == null) {
            throw LongrunException.unknownType(type, settings.types().keySet().stream().sorted().toList());
        }
        return json.bind(json.toTree(params), t.paramsType());
    }

    @Override public JobEvents events() { return bus; }
    @Override public JobEvents localEvents() { return localBus; }
    @Override public ResultStore results() { return results; }
    @Override public Clock clock() { return settings.clock(); }

    @Override
    public LongrunSettings settings() {
        return new LongrunSettings(settings.dataDir(), settings.schema(), settings.concurrency(), queues(settings), owner,
                settings.runWorkers(), settings.lease(), settings.pollInterval(), settings.progressFlushInterval(),
                settings.retention(), settings.fileRetention(), settings.shutdownGrace(), results.describe(),
                settings.databaseWaitAtStart());
    }

    @Override
    public String nodeName() {
        return owner;
    }

    /** Jobs this node holds claimed ahead of free slots right now (tests of the shutdown hand-back). */
    int claimedAhead() {
        return pool == null ? 0 : pool.claimedAhead().size();
    }

    /** The store seam, for tests and benchmarks of this module. */
    public JobStore store() {
        return store;
    }

    // --- internals -------------------------------------------------------------------------

    private List<Boolean> writeFinishes(List<Finish> finishes) {
        List<JobEvent> changed = store.finish(finishes);
        publish(changed);
        Set<UUID> won = changed.stream().map(JobEvent::jobId).collect(Collectors.toCollection(HashSet::new));
        List<Boolean> answers = new ArrayList<>(finishes.size());
        for (Finish f : finishes) {
            answers.add(won.contains(f.id()));
        }
        return answers;
    }

    private void publish(List<JobEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        bus.publishAll(events);
        localBus.publishAll(events);
        otherNodes.announce(events);
        for (JobEvent e : events) {
            if (e.status() == JobStatus.PENDING) {
                wakeWorkers();
                break;
            }
        }
    }

    /** An event from another node: pass it on, and wake the workers when it means new work. */
    private void heard(JobEvent event) {
        bus.publish(event);
        if (event.status() == JobStatus.PENDING) {
            wakeWorkers();
        } else if (event.status().isTerminal()) {
            maintenance.wake();
        }
    }

    private void succeeded(Job job) {
        maintenance.wake();
        estimator.recordSuccess(job); // in memory; the job is the run's own snapshot, not re-read
    }

    private void wakeWorkers() {
        if (pool != null) {
            pool.wake();
        }
    }

    private static Set<String> queues(EngineSettings settings) {
        if (settings.queues() != null) {
            return settings.queues();
        }
        return settings.types().values().stream().map(JobType::queue).collect(Collectors.toUnmodifiableSet());
    }

    private static String nodeName(EngineSettings settings) {
        String base = settings.nodeName();
        if (base == null) {
            try {
                base = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                base = "node";
            }
        }
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool != null) {
            releaseRunningJobs();
        }
        if (supervisor != null) {
            supervisor.close();
        }
        maintenance.close();
        starter.close();
        finisher.close();
        otherNodes.close();
        bus.close();
        localBus.close();
        closeQuietly(ownedDataSource);
        log.info("Longrun node {} stopped", owner);
    }

    /** Lets running handlers finish within the grace period, then hands the rest back as pending. */
    private void releaseRunningJobs() {
        try {
            if (pool.drain(settings.shutdownGrace())) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<UUID> ids = new ArrayList<>(running.ids());
        running.all().forEach(RunContext::stopByRuntime);
        if (!ids.isEmpty()) {
            try {
                publish(store.release(owner, ids, settings.clock().instant()));
                log.info("Handed {} running jobs back to the queue for the next start", ids.size());
            } catch (RuntimeException e) {
                log.warn("Could not hand back {} running jobs; they will be rescued when their lease expires", ids.size(), e);
            }
        }
    }

    private static void closeQuietly(DataSource ds) {
        if (ds instanceof Closeable c) {
            try {
                c.close();
            } catch (java.io.IOException ignored) {
                // closing
            }
        } else if (ds instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing
            }
        }
    }
}
