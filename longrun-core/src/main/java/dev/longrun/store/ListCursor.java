package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The sort key of the last job of a page (rank | created_at millis | id), base64url-encoded so callers
 * treat it as opaque. Rank 0 = active, 1 = finished, matching the ORDER BY of ListJobs.
 */
record ListCursor(int rank, Instant createdAt, UUID id) {

    static ListCursor after(Job job) {
        return new ListCursor(job.status().isActive() ? 0 : 1, job.createdAt(), job.id());
    }

    String encode() {
        String raw = rank + "|" + createdAt.toEpochMilli() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ListCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected 3 parts");
            }
            int rank = Integer.parseInt(parts[0]);
            if (rank != 0 && rank != 1) {
                throw new IllegalArgumentException("bad rank");
            }
            return new ListCursor(rank, Instant.ofEpochMilli(Long.parseLong(parts[1])), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new LongrunException("invalid_cursor", "The cursor '" + cursor
                    + "' is not one this server returned; start again without a cursor.", e);
        }
    }
}
