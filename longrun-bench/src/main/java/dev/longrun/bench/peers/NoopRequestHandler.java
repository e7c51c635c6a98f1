package dev.longrun.bench.peers;

import java.util.concurrent.atomic.AtomicLong;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs {@link NoopRequest}s for the JobRunr drain: only counts them, so the figure is JobRunr's own overhead. */
public final class NoopRequestHandler implements JobRequestHandler<NoopRequest> {

    private final AtomicLong handled;

    NoopRequestHandler(AtomicLong handled) {
        this.handled = handled;
    }

    @Override
    public void run(NoopRequest request) {
        handled.incrementAndGet();
    }
}
