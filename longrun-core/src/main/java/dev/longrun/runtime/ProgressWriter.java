package dev.longrun.runtime;

import dev.longrun.JobItem;
import dev.longrun.event.JobEvent;
import dev.longrun.store.RecordStore;
import dev.longrun.store.WorkQueue;
import dev.longrun.store.NewLog;
import dev.longrun.store.ProgressUpdate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces what handlers report: every flush writes only the latest progress of each running job
 * (one statement for all of them), plus their buffered logs and item outcomes. A million
 * {@code progress} calls thus cost a few writes per second per job.
 */
final class ProgressWriter {

    private static final Logger log = LoggerFactory.getLogger(ProgressWriter.class);

    private final WorkQueue store;
    private final RecordStore records;
    private final String owner;
    private final Consumer<List<JobEvent>> publisher;

    ProgressWriter(NodeContext node) {
        this.store = node.store();
        this.records = node.store().records();
        this.owner = node.owner();
        this.publisher = node.publish();
    }

    /** Writes what these runs reported since the last flush. Serialized: runs may be flushed by their own thread too. */
    synchronized void flush(Collection<? extends RunContext<?>> runs) {
        List<ProgressUpdate> updates = new ArrayList<>();
        List<NewLog> logs = new ArrayList<>();
        List<JobItem> items = new ArrayList<>();
        for (RunContext<?> run : runs) {
            ProgressUpdate u = run.takeProgress(owner);
            if (u != null) {
                updates.add(u);
            }
            run.drainLogs(logs);
            run.drainItems(items);
        }
        try {
            if (!items.isEmpty()) {
                records.saveItems(items);
            }
        } catch (RuntimeException e) {
            // Item outcomes matter (summaries, retry-failed): keep them for the next flush.
            for (RunContext<?> run : runs) {
                run.requeueItems(items);
            }
            log.warn("Could not write {} item outcomes; will retry: {}", items.size(), e.getMessage());
            return;
        }
        try {
            if (!logs.isEmpty()) {
                records.appendLogs(logs);
            }
            if (!updates.isEmpty()) {
                publisher.accept(store.saveProgress(updates));
            }
        } catch (RuntimeException e) {
            // Progress is advisory: the next flush carries newer numbers; the job's outcome is written separately.
            log.warn("Could not write progress of {} jobs: {}", runs.size(), e.getMessage());
        }
    }
}
