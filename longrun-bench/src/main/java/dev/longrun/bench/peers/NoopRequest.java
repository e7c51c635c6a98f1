package dev.longrun.bench.peers;

import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;

/** JobRunr's no-op job for the drain benchmark: a JobRequest with no fields, run by {@link NoopRequestHandler}. */
public record NoopRequest() implements JobRequest {

    @Override
    public Class<? extends JobRequestHandler<NoopRequest>> getJobRequestHandler() {
        return NoopRequestHandler.class;
    }
}
