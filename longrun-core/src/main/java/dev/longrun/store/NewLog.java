package dev.longrun.store;

import dev.longrun.LogLevel;
import java.time.Instant;
import java.util.UUID;

public record NewLog(UUID jobId, LogLevel level, String message, Instant timestamp) {
}
