package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The sort key of the last job of a page (rank | sort time | id) and the instant the walk ranks jobs at (| as_of),
 * instants in full precision (PostgreSQL keeps microseconds: a cursor cut to milliseconds skipped jobs created in the
 * same millisecond), base64url-encoded so callers treat it as opaque. Rank 0 = not finished at {@code asOf}, 1 = finished
 * by then; the sort time is created_at in rank 0 and completed_at in rank 1, matching the ORDER BY of ListJobsAsOf.
 * Ranking every page at the first page's instant keeps each job's place fixed while jobs finish between page reads.
 */
record ListCursor(int rank, Instant sortAt, UUID id, Instant asOf) {

    private static final Instant YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z");

    /** The ranking instant of a new walk, in the cursor's precision (so the first page ranks like the later ones). */
    static Instant asOf(Instant now) {
        return now.truncatedTo(ChronoUnit.MILLIS);
    }

    static ListCursor after(Job job, Instant asOf) {
        boolean finished = job.completedAt() != null && !job.completedAt().isAfter(asOf);
        return new ListCursor(finished ? 1 : 0, finished ? job.completedAt() : job.createdAt(), job.id(), asOf);
    }

    String encode() {
        String raw = rank + "|" + sortAt + "|" + id + "|" + asOf;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * An instant of a cursor this server wrote: a job's time or the clock's, so from 1970 to the year 9999. Others
     * would reach the store (the largest overflowed SQLite's millisecond binding, a 500).
     */
    private static Instant instant(String text) {
        Instant t = Instant.parse(text);
        if (t.isBefore(Instant.EPOCH) || !t.isBefore(YEAR_10000)) {
            throw new IllegalArgumentException("instant out of range: " + text);
        }
        return t;
    }

    static ListCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|");
            if (parts.length != 4) {
                throw new IllegalArgumentException("expected 4 parts");
            }
            int rank = Integer.parseInt(parts[0]);
            if (rank != 0 && rank != 1) {
                throw new IllegalArgumentException("bad rank");
            }
            return new ListCursor(rank, instant(parts[1]), UUID.fromString(parts[2]), instant(parts[3]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new LongrunException("invalid_cursor", "The cursor '" + cursor
                    + "' is not one this server returned; start again without a cursor.", e);
        }
    }
}
