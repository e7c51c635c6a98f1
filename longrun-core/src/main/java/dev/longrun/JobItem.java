package dev.longrun;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The recorded outcome of one item ({@code key} is e.g. a contact id or "row 52").
 *
 * @param retryable of a failed item, whether running it again as it is can succeed: false when only a fix can cure
 *                  it ({@link JobContext.ItemOutcome#failedPermanently}), true or null (not said) otherwise
 */
public record JobItem(UUID jobId, String key, ItemStatus status, String message, JsonNode detail, Instant createdAt,
                      Boolean retryable) {

    /** An item whose failure, if any, says nothing about a retry. */
    public JobItem(UUID jobId, String key, ItemStatus status, String message, JsonNode detail, Instant createdAt) {
        this(jobId, key, status, message, detail, createdAt, null);
    }
}
