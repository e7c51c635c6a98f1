package dev.longrun;

import java.util.Locale;

/** Outcome of one item of bulk work or one row of an import. */
public enum ItemStatus {
    SUCCEEDED, FAILED, SKIPPED, WARNING;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemStatus fromValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
