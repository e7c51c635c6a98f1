package dev.longrun;

import java.util.EnumMap;
import java.util.Map;

/**
 * How many of a person's jobs are in each status ({@link Longrun#countJobs}): those in their list per status (every
 * status present, 0 when none) and how many they cleared from it ({@link Longrun#clearFinished}), which stay in their
 * history until retention. The counts a jobs list puts on its status tabs.
 */
public record JobCounts(Map<JobStatus, Long> listed, long cleared) {

    public JobCounts {
        Map<JobStatus, Long> all = new EnumMap<>(JobStatus.class);
        for (JobStatus s : JobStatus.values()) {
            all.put(s, listed == null ? 0L : listed.getOrDefault(s, 0L));
        }
        listed = java.util.Collections.unmodifiableMap(all);
    }

    /** Jobs in the list, all statuses. */
    public long total() {
        return listed.values().stream().mapToLong(Long::longValue).sum();
    }
}
