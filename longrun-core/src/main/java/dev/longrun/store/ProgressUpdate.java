package dev.longrun.store;

import java.time.Instant;
import java.util.UUID;

/** The latest progress of a running job, coalesced by the runtime. Null fields are written as null. */
public record ProgressUpdate(UUID id, String owner, Long current, Long total, String message,
                             Integer step, Integer totalSteps, Instant now) {
}
