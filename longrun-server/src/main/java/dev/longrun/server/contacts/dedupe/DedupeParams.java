package dev.longrun.server.contacts.dedupe;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Params of {@code contacts.dedupe}: how alike two names of the same company must be to be reported
 * (Jaro-Winkler, 0.80–1.00; default 0.92).
 */
public record DedupeParams(@DecimalMin("0.80") @DecimalMax("1.00") Double threshold) {

    public static final double DEFAULT_THRESHOLD = 0.92;

    double effectiveThreshold() {
        return threshold == null ? DEFAULT_THRESHOLD : threshold;
    }
}
