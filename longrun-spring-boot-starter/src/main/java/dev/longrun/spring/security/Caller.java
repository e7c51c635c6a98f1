package dev.longrun.spring.security;

import dev.longrun.spring.problem.ApiProblem;
import java.util.UUID;

/**
 * Who makes an API request, as the authentication filter found out: the principal of every authenticated
 * request ({@code @AuthenticationPrincipal Caller}). Controllers scope every read and change to it.
 *
 * @param accountId null only for an API key call that names no user
 * @param userId    null only for an API key call that names no user
 * @param jobId     set for a job-scoped token: the one job it may touch
 */
public record Caller(String accountId, String userId, UUID jobId, Via via) {

    /** How the caller proved who it is. */
    public enum Via { API_KEY, USER_TOKEN, JOB_TOKEN, SESSION }

    public boolean actsForUser() {
        return userId != null && accountId != null;
    }

    /** Refuses calls that must act for a user but do not say which one. */
    public Caller requireUser() {
        if (!actsForUser()) {
            throw ApiProblem.badRequest("user_required", "This call uses an API key: say which user it acts for with the "
                    + "X-Longrun-User and X-Longrun-Account headers.");
        }
        return this;
    }

    /**
     * Refuses everyone but the application's backend (its API key) on what concerns the whole account: a webhook
     * receives the notifications of every user in it, so a user who could add one would read the others' jobs.
     */
    public Caller requireBackend(String what) {
        if (via != Via.API_KEY) {
            throw ApiProblem.forbidden("backend_only", "Only the application's backend, with its API key, can " + what
                    + ": they receive the notifications of every user in the account. Ask the application's administrators.");
        }
        return requireUser(); // the account whose webhooks these are
    }

    /** Refuses job-scoped tokens on endpoints that reach beyond one job (start, bulk actions, uploads). */
    public Caller requireUnscoped(String what) {
        requireUser();
        if (jobId != null) {
            throw ApiProblem.forbidden("token_scope", "This token is limited to job " + jobId + " and cannot " + what + ".");
        }
        return this;
    }

    public boolean owns(String jobAccountId, String jobUserId, UUID id) {
        return actsForUser() && accountId.equals(jobAccountId) && userId.equals(jobUserId) && (jobId == null || jobId.equals(id));
    }
}
