package dev.longrun;

import tools.jackson.databind.JsonNode;

/**
 * What a handler returns. Use {@link JobContext#resultFile} to store a file and
 * {@link JobContext#needsAction} to stop and ask the user.
 *
 * @param message a sentence for the user ("48,291 contacts exported"); may be null
 * @param file    a stored result file; may be null
 * @param data    small structured data for the host application; may be null
 */
public record JobResult(String message, ResultFile file, JsonNode data) {

    public static JobResult done() {
        return new JobResult(null, null, null);
    }

    public static JobResult message(String message) {
        return new JobResult(message, null, null);
    }

    public static JobResult file(ResultFile file, String message) {
        return new JobResult(message, file, null);
    }

    public JobResult withData(JsonNode data) {
        return new JobResult(message, file, data);
    }
}
