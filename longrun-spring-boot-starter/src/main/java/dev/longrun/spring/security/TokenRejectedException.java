package dev.longrun.spring.security;

/** A browser token that failed verification; {@code expired} tells an old token from a forged or broken one. */
public class TokenRejectedException extends RuntimeException {

    private final boolean expired;

    public TokenRejectedException(boolean expired, String message) {
        super(message, null, false, false);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
