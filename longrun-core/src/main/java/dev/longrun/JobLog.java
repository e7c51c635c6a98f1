package dev.longrun;

import java.time.Instant;
import java.util.UUID;

/** A user-relevant log line of a job. */
public record JobLog(long id, UUID jobId, LogLevel level, String message, Instant timestamp) {
}
