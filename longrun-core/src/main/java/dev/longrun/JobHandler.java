package dev.longrun;

/**
 * The work of one job type. Return a result to succeed; throw {@link PermanentFailure} for an error
 * the user must fix (never retried); any other exception is transient and retried per the type's
 * {@link RetryPolicy}.
 */
@FunctionalInterface
public interface JobHandler<P> {
    JobResult run(JobContext<P> ctx) throws Exception;
}
