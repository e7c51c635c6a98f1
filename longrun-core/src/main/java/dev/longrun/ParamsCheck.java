package dev.longrun;

/**
 * A job type's check of its params for the user who starts the job, run by every start (and retry) after the params
 * are bound and before anything is written: what a params record cannot check alone because it depends on who asks or
 * on what exists now (an {@code upload_id} must name an upload of this user). A refusal answers the start at once
 * instead of accepting a job that can only fail. It does not run again when the job runs: what changes meanwhile
 * (the upload expires) is for the handler to report.
 */
@FunctionalInterface
public interface ParamsCheck<P> {

    /**
     * @throws LongrunException {@link LongrunException#invalidParam} naming the parameter and saying what to send
     */
    void check(P params, String accountId, String userId);
}
