package dev.longrun.store;

import dev.longrun.JobStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * The end of one run of a job held by {@code owner}: the store moves it from running to {@code to}
 * only if it is still running under that owner (a lost race changes nothing).
 *
 * <ul>
 *   <li>SUCCEEDED: {@code resultJson}, {@code summaryJson}, completed_at, progress set to done when counted</li>
 *   <li>FAILED: {@code errorMessage/errorCode/errorRetryable}, summary, completed_at</li>
 *   <li>PENDING (retry later): {@code runAfter}, the error of this attempt (shown as "retrying"), lease cleared</li>
 *   <li>NEEDS_ACTION: {@code actionJson}, summary, lease cleared</li>
 *   <li>CANCELLED: completed_at, summary</li>
 * </ul>
 */
public record Finish(UUID id, String owner, JobStatus to, String resultJson, String summaryJson, String actionJson,
                     String errorMessage, String errorCode, Boolean errorRetryable, Instant runAfter, Instant now) {

    public static Finish succeeded(UUID id, String owner, String resultJson, String summaryJson, Instant now) {
        return new Finish(id, owner, JobStatus.SUCCEEDED, resultJson, summaryJson, null, null, null, null, null, now);
    }

    public static Finish failed(UUID id, String owner, String message, String code, boolean retryable, String summaryJson, Instant now) {
        return new Finish(id, owner, JobStatus.FAILED, null, summaryJson, null, message, code, retryable, null, now);
    }

    public static Finish retryLater(UUID id, String owner, String message, String code, Instant runAfter, Instant now) {
        return new Finish(id, owner, JobStatus.PENDING, null, null, null, message, code, true, runAfter, now);
    }

    public static Finish needsAction(UUID id, String owner, String actionJson, String summaryJson, Instant now) {
        return new Finish(id, owner, JobStatus.NEEDS_ACTION, null, summaryJson, actionJson, null, null, null, null, now);
    }

    public static Finish cancelled(UUID id, String owner, String summaryJson, Instant now) {
        return new Finish(id, owner, JobStatus.CANCELLED, null, summaryJson, null, null, null, null, null, now);
    }
}
