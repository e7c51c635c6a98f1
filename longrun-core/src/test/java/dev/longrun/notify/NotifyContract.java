package dev.longrun.notify;

import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.store.EmbeddedDatabase;
import dev.longrun.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine, the notification store and a dispatcher on one database: by default a fresh embedded SQLite
 * file per test; the PostgreSQL subclasses override {@link #dataSource()} and {@link #schema()}.
 */
abstract class NotifyContract {

    static final Duration WAIT = Duration.ofSeconds(20);

    final String account = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    final StartOptions alice = StartOptions.forUser(account, "alice");

    @TempDir
    Path dataDir;

    final SettableClock clock = SettableClock.startingAt("2026-11-23T10:00:00Z");
    NotifyJobs jobs;
    Longrun longrun;
    NotificationStore store;
    RecordingChannel email;

    private HikariDataSource embedded;

    DataSource dataSource() {
        if (embedded == null) {
            embedded = EmbeddedDatabase.open(dataDir);
        }
        return embedded;
    }

    String schema() {
        return "longrun";
    }

    @BeforeEach
    void startEngine() {
        jobs = new NotifyJobs();
        var b = Longrun.builder().dataSource(dataSource()).schema(schema()).dataDir(dataDir).clock(clock)
                .pollInterval(Duration.ofMillis(50)).progressFlushInterval(Duration.ofMillis(50)).shutdownGrace(Duration.ofMillis(300));
        jobs.all().forEach(b::register);
        longrun = b.build();
        store = NotificationStore.open(dataSource(), schema());
        email = new RecordingChannel();
    }

    /** Called after the engine stopped: closes the per-test embedded database, if one was opened. */
    private void closeDataSource() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @AfterEach
    void stopEngine() {
        jobs.release();
        longrun.close();
        closeDataSource();
    }

    /** A dispatcher that only runs when the test calls runOnce(), so each step is visible. */
    Dispatcher dispatcher(DispatchSettings settings, Channel... channels) {
        NotificationText text = new NotificationText(type -> longrun.jobType(type).map(t -> t.label()).orElse(type), Duration.ofHours(24));
        return new Dispatcher(store, longrun::getAll, text, List.of(channels), clock, "node-" + UUID.randomUUID(), settings);
    }

    Dispatcher dispatcher(Channel... channels) {
        return dispatcher(DispatchSettings.defaults(), channels);
    }

    Job run(String type, JobStatus expected) {
        Job started = longrun.start(type, Map.of("n", UUID.randomUUID().toString()), alice).job();
        return awaitStatus(started.id(), expected);
    }

    Job awaitStatus(UUID id, JobStatus expected) {
        await().atMost(WAIT).until(() -> longrun.get(id).orElseThrow().status() == expected);
        return longrun.get(id).orElseThrow();
    }

    List<Notification> inbox() {
        return store.inbox(account, "alice", null, 50);
    }

    List<Notification> notificationsOf(UUID jobId) {
        return inbox().stream().filter(n -> n.jobId().equals(jobId)).toList();
    }
}
