package dev.longrun;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The settings a running node uses, after defaults ({@link LongrunBuilder}'s {@code DEFAULT_*}); read with
 * {@link Longrun#settings()}.
 *
 * @param queues      the queues this node's workers claim from (the registered types' queues when none were set)
 * @param nodeName    this node's name in lease owners (the configured name plus a random suffix)
 * @param resultStore where result files are kept, e.g. {@code local directory /srv/data/results} or {@code s3://bucket/prefix}
 * @param databaseWaitAtStart how long a start waits for an unreachable database (a host's own migrations after
 *                            Longrun's can wait as long: {@link dev.longrun.store.DatabaseWait})
 */
public record LongrunSettings(Path dataDir, String schema, int concurrency, Set<String> queues, String nodeName,
                              boolean runWorkers, Duration lease, Duration pollInterval, Duration progressFlushInterval,
                              Duration retention, Duration fileRetention, Duration shutdownGrace, String resultStore,
                              Duration databaseWaitAtStart) {
}
