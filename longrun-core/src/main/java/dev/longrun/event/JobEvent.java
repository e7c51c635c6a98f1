package dev.longrun.event;

import dev.longrun.JobStatus;
import java.util.UUID;

/**
 * "Job {@code jobId} changed and is now at {@code version}". Carries no job body: subscribers read the
 * job (a version check makes duplicates and reordering harmless).
 */
public record JobEvent(UUID jobId, long version, String accountId, String userId, JobStatus status) {
}
