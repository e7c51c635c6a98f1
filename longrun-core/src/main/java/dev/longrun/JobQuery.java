package dev.longrun;

import java.util.Set;
import java.util.UUID;

/**
 * A filter over jobs, ordered active first, then most recent first. Null or empty fields do not filter.
 *
 * @param cursor opaque, from {@link JobPage#nextCursor()}
 */
public record JobQuery(String accountId, String userId, Set<JobStatus> statuses, Set<String> types,
                       Set<UUID> ids, String cursor, int limit) {

    public static final int MAX_LIMIT = 200;

    public JobQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    public static JobQuery forUser(String accountId, String userId) {
        return new JobQuery(accountId, userId, Set.of(), Set.of(), Set.of(), null, 50);
    }

    public JobQuery withStatuses(Set<JobStatus> s) { return new JobQuery(accountId, userId, s, types, ids, cursor, limit); }
    public JobQuery withTypes(Set<String> t) { return new JobQuery(accountId, userId, statuses, t, ids, cursor, limit); }
    public JobQuery withIds(Set<UUID> i) { return new JobQuery(accountId, userId, statuses, types, i, cursor, limit); }
    public JobQuery withCursor(String c) { return new JobQuery(accountId, userId, statuses, types, ids, c, limit); }
    public JobQuery withLimit(int l) { return new JobQuery(accountId, userId, statuses, types, ids, cursor, l); }
}
