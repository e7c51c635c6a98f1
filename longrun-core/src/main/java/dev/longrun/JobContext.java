package dev.longrun;

import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;

/**
 * What a running handler may do. Progress calls are cheap (coalesced before they reach the database),
 * so they may be made once per row.
 */
public interface JobContext<P> {

    UUID jobId();

    /** The job as it was when this attempt was claimed. */
    Job job();

    P params();

    /** 1 on the first run, 2 on the first retry, ... */
    int attempt();

    /** True when the user confirmed a {@link #needsAction} stop: the handler resumes past it. */
    boolean confirmed();

    Clock clock();

    /** Counted work: "Processing row 1,240 of 4,000". */
    void progress(long current, long total, String message);

    /** Stage-based work: step 2 of 5, "Generating AI summary". Clears counted progress. */
    void step(int step, int totalSteps, String label);

    /** Work that cannot be counted: no percentage is shown, only this sentence and elapsed time. */
    void indeterminate(String message);

    /** A log line the user may read behind "Show details". */
    void log(LogLevel level, String message);

    boolean cancelRequested();

    /** Throws {@link JobCancelledException} when the user asked to cancel; call it between units of work. */
    void throwIfCancelled();

    /**
     * Runs after the handler stopped when this run did not succeed (cancelled, failed, timed out, or
     * to be retried), e.g. to remove partial output. Result files are deleted by the runtime itself.
     */
    void onCancel(Runnable cleanup);

    /** Records the outcome of one item of bulk work or one row of an import. */
    ItemOutcome item(String key);

    /**
     * Counts {@code n} more items as succeeded without recording each one (rows imported in batches), so the job's
     * summary says how many went through and not only the problems recorded with {@link #item}.
     */
    void countSucceeded(long n);

    /** Stops the job in needs_action; return the value from the handler. After a confirm the handler runs again with {@link #confirmed()} true. */
    JobResult needsAction(String kind, String message, Object preview);

    /**
     * Writes a result file to the result store. The file is deleted if the job is cancelled or fails.
     * The writer returns the number of rows written, or null when not tabular.
     */
    ResultFile resultFile(String filename, String contentType, ResultWriter writer) throws Exception;

    @FunctionalInterface
    interface ResultWriter {
        Long write(OutputStream out) throws Exception;
    }

    /** Item outcome recorder; {@code detail} is any JSON-mappable value (row number, column, the item's data for retry-failed). */
    interface ItemOutcome {
        ItemOutcome detail(Object detail);

        void succeeded();

        /** Failed, and running it again may succeed (a timeout, a server that did not answer). */
        void failed(String reason);

        /**
         * Failed in a way a retry cannot cure until something is fixed ("No email address"): screens then offer to fix
         * it, or the list of failures, instead of a retry bound to fail again. A retry of the failed items still runs
         * it (after the fix).
         */
        void failedPermanently(String reason);

        void skipped(String reason);

        void warning(String reason);
    }
}
