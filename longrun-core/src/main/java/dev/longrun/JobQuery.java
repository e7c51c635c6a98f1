package dev.longrun;

import java.util.Set;
import java.util.UUID;

/**
 * A filter over jobs, ordered active first, then most recent first. Null or empty fields do not filter.
 *
 * @param cursor  opaque, from {@link JobPage#nextCursor()}
 * @param history also the jobs the person cleared from their list ({@link Longrun#clearFinished}), kept until retention
 */
public record JobQuery(String accountId, String userId, Set<JobStatus> statuses, Set<String> types,
                       Set<UUID> ids, String cursor, int limit, boolean history) {

    public static final int MAX_LIMIT = 200;

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** Without cleared jobs: the person's list. */
    public JobQuery(String accountId, String userId, Set<JobStatus> statuses, Set<String> types,
                    Set<UUID> ids, String cursor, int limit) {
        this(accountId, userId, statuses, types, ids, cursor, limit, false);
    }

    public static JobQuery forUser(String accountId, String userId) {
        return new JobQuery(accountId, userId, Set.of(), Set.of(), Set.of(), null, 50);
    }

    public JobQuery withStatuses(Set<JobStatus> s) { return new JobQuery(accountId, userId, s, types, ids, cursor, limit, history); }
    public JobQuery withTypes(Set<String> t) { return new JobQuery(accountId, userId, statuses, t, ids, cursor, limit, history); }
    public JobQuery withIds(Set<UUID> i) { return new JobQuery(accountId, userId, statuses, types, i, cursor, limit, history); }
    public JobQuery withCursor(String c) { return new JobQuery(accountId, userId, statuses, types, ids, c, limit, history); }
    public JobQuery withLimit(int l) { return new JobQuery(accountId, userId, statuses, types, ids, cursor, l, history); }
    public JobQuery withHistory(boolean h) { return new JobQuery(accountId, userId, statuses, types, ids, cursor, limit, h); }
}
