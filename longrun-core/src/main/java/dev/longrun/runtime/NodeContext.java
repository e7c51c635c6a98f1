package dev.longrun.runtime;

import dev.longrun.JobType;
import dev.longrun.event.JobEvent;
import dev.longrun.result.ResultStore;
import dev.longrun.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the parts of one node share: the store, result files, registered types, params binding, the clock,
 * this node's name as lease owner and its lease, and the two ways to tell the rest of the node about
 * changes ({@code publish} job events, {@code wakeWorkers} when there may be new work).
 */
record NodeContext(JobStore store, ResultStore results, Map<String, JobType<?>> types, ParamsBinder json,
                   Clock clock, String owner, Duration lease, Consumer<List<JobEvent>> publish, Runnable wakeWorkers) {
}
