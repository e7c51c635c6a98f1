package dev.longrun;

/**
 * An error the user must fix ("Row 18: email is missing"). Never retried; the message is shown to the
 * user as it is, so write it for a person.
 */
public class PermanentFailure extends RuntimeException {

    private final String code;

    public PermanentFailure(String message) {
        this("permanent", message, null);
    }

    public PermanentFailure(String code, String message) {
        this(code, message, null);
    }

    public PermanentFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** A short machine-readable code, e.g. {@code invalid_params}. */
    public String code() {
        return code;
    }
}
