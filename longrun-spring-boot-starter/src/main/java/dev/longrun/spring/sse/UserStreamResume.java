package dev.longrun.spring.sse;

import dev.longrun.Job;
import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.Longrun;
import dev.longrun.spring.security.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a user stream ({@code GET /api/events}) sends first. A new stream: the caller's active jobs. A resumed one
 * (EventSource reconnecting with {@code Last-Event-ID}, the epoch millis of the newest change it got): every job of the
 * caller changed since then, in any state, so the browser updates the rows it has instead of reloading its list.
 * Change times come from the clocks of the nodes that made them, and a change is stamped before its transaction
 * commits, so the resume reaches {@link #OVERLAP} further back; a repeated frame is harmless (the client keeps the
 * highest version of each job). When more than {@link #LIMIT} jobs changed, the stream sends {@code event: resync}
 * (reload the list) and the active jobs, as a new stream would.
 */
final class UserStreamResume {

    static final Duration OVERLAP = Duration.ofSeconds(5);
    static final int LIMIT = 500;

    private final Longrun longrun;
    private final Caller caller;
    private final FrameSink sink;

    UserStreamResume(Longrun longrun, Caller caller, FrameSink sink) {
        this.longrun = longrun;
        this.caller = caller;
        this.sink = sink;
    }

    /** Runs on the stream's own thread, after it subscribed to changes, so nothing between this read and them is lost. */
    List<Job> initialJobs(Long lastEventId) {
        if (lastEventId != null) {
            Instant since = Instant.ofEpochMilli(lastEventId).minus(OVERLAP);
            List<Job> changed = longrun.changedSince(caller.accountId(), caller.userId(), since, LIMIT + 1);
            if (changed.size() <= LIMIT) {
                return changed;
            }
            resync();
        }
        return longrun.list(JobQuery.forUser(caller.accountId(), caller.userId())
                .withStatuses(JobStatus.active()).withLimit(JobQuery.MAX_LIMIT)).jobs();
    }

    private void resync() {
        try {
            sink.send(SseFrames.RESYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
