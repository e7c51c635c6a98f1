package dev.longrun;

import java.util.Objects;

/**
 * One job of a {@link Longrun#startAll} call: the same three things {@link Longrun#start} takes.
 *
 * @param params  bound to the type's params class, as for {@code start}
 * @param options owner, idempotency key, dependency, priority, run-after; the key is honoured per job
 */
public record StartRequest(String type, Object params, StartOptions options) {

    public StartRequest {
        Objects.requireNonNull(options, "options: a job needs the user who starts it (StartOptions.forUser(account, user))");
    }
}
