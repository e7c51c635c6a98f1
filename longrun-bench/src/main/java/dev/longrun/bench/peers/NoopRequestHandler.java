package dev.longrun.bench.peers;

import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** Runs {@link NoopRequest}s for the JobRunr drain: only counts them, so the figure is JobRunr's own overhead. */
public final class NoopRequestHandler implements JobRequestHandler<NoopRequest> {

    private final Runnable handled;

    NoopRequestHandler(Runnable handled) {
        this.handled = handled;
    }

    @Override
    public void run(NoopRequest request) {
        handled.run();
    }
}
