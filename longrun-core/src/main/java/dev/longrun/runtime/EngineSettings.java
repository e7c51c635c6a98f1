package dev.longrun.runtime;

import dev.longrun.JobType;
import dev.longrun.result.ResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/** Everything {@link dev.longrun.LongrunBuilder} collected, as one immutable value ({@code resultStore} null: local files). */
public record EngineSettings(DataSource dataSource, Path dataDir, String schema, Clock clock, int concurrency,
                             Set<String> queues, String nodeName, boolean runWorkers, Duration lease,
                             Duration pollInterval, Duration progressFlushInterval, Duration retention,
                             Duration fileRetention, Duration shutdownGrace, Duration rescueInterval,
                             Duration idempotencyKeyLifetime, Map<String, JobType<?>> types, ResultStore resultStore,
                             Duration databaseWaitAtStart) {
}
