package dev.longrun.server.contacts.dedupe;

/**
 * Params of {@code contacts.dedupe}: how alike two names of the same company must be to be reported
 * (Jaro-Winkler, 0.80–1.00; default 0.92).
 */
public record DedupeParams(Double threshold) {

    public static final double DEFAULT_THRESHOLD = 0.92;

    public DedupeParams {
        if (threshold != null && (threshold < 0.80 || threshold > 1.0)) {
            throw new IllegalArgumentException("threshold must be between 0.80 and 1.00 (default " + DEFAULT_THRESHOLD + ")");
        }
    }

    double effectiveThreshold() {
        return threshold == null ? DEFAULT_THRESHOLD : threshold;
    }
}
