package dev.longrun;

/**
 * A request Longrun refuses, with a message a person can act on. {@link #code()} lets an HTTP layer
 * map it (e.g. {@code unknown_type} → 400, {@code not_found} → 404).
 */
public class LongrunException extends RuntimeException {

    private final String code;
    private final String field;

    public LongrunException(String code, String message) {
        this(code, message, null, null);
    }

    public LongrunException(String code, String message, Throwable cause) {
        this(code, message, null, cause);
    }

    private LongrunException(String code, String message, String field, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    /** The parameter at fault as the sender named it ({@code rows[1]}, {@code options.limit}), or null. */
    public String field() {
        return field;
    }

    public static LongrunException unknownType(String type, java.util.Collection<String> known) {
        return new LongrunException("unknown_type", "Unknown job type '" + type + "'. Known types: " + String.join(", ", known) + ".");
    }

    public static LongrunException invalidParams(String detail) {
        return new LongrunException("invalid_params", detail);
    }

    /** One parameter is wrong; {@code field} names it so a form can point at it. */
    public static LongrunException invalidParam(String field, String detail) {
        return new LongrunException("invalid_params", detail, field, null);
    }

    public static LongrunException notFound(java.util.UUID id) {
        return new LongrunException("not_found", "No job with id " + id + ".");
    }

    /** The same idempotency key was used for a different request within the key's lifetime. */
    public static LongrunException keyReused(String key, Job existing) {
        return new LongrunException("idempotency_key_reused", "The Idempotency-Key '" + key + "' was already used for a different request (job "
                + existing.id() + ", " + existing.status().label().toLowerCase(java.util.Locale.ROOT) + "). Use a new key for a new request.");
    }

    /**
     * The Idempotency-Key is still remembered, but the job it started was removed (cleared by the user or past
     * retention): answering with a new job would run the work twice, answering with nothing would lose the outcome.
     */
    public static LongrunException keyJobRemoved(java.util.UUID jobId, java.time.Instant keyExpiresAt) {
        return new LongrunException("idempotency_key_job_removed", "This Idempotency-Key already started job " + jobId
                + ", which has since been removed (cleared or past retention), so its outcome can no longer be shown."
                + " The key stays reserved until " + keyExpiresAt + "; send a new key to start the job again.");
    }

    public static LongrunException conflict(String detail) {
        return new LongrunException("conflict", detail);
    }

    public static LongrunException storeUnavailable(Throwable cause) {
        return new LongrunException("store_unavailable", "The job database cannot be reached right now; nothing was changed. Try again in a moment.", cause);
    }
}
