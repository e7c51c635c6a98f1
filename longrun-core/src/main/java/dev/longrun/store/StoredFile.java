package dev.longrun.store;

import java.time.Instant;
import java.util.UUID;

/** A result file recorded when it is created, so a crash cannot leave an untracked file behind. */
public record StoredFile(String storageKey, UUID jobId, String filename, Instant createdAt) {
}
