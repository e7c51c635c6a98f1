package dev.longrun.spring.api;

import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.util.UUID;

/**
 * The one place that decides whether a caller may see a job: its own user's jobs only, and only the token's job for
 * a job-scoped token. Anything else is answered exactly like a job that does not exist (404).
 */
public final class JobAccess {

    private final Longrun longrun;

    public JobAccess(Longrun longrun) {
        this.longrun = longrun;
    }

    public Job visible(Caller caller, UUID id) {
        caller.requireUser();
        Job job = longrun.get(id).orElse(null);
        if (job == null || !caller.owns(job.accountId(), job.userId(), job.id())) {
            throw ApiProblem.jobNotFound(id);
        }
        return job;
    }
}
