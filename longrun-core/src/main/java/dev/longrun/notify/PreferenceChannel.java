package dev.longrun.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A user's choice per job type. Without a choice the default applies: in-app always, plus email when the job
 * ran longer than {@code email-after}. {@code in_app}: never email. {@code email}: email every time, and the
 * inbox entry is kept already read (no toast). {@code both}: inbox and email every time.
 */
public enum PreferenceChannel {
    IN_APP, EMAIL, BOTH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> wireValues() {
        return Arrays.stream(values()).map(PreferenceChannel::wire).toList();
    }

    /** @throws IllegalArgumentException with the allowed values, for a 400 a person can act on */
    public static PreferenceChannel fromWire(String value) {
        for (PreferenceChannel c : values()) {
            if (c.wire().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a notification channel; use one of " + wireValues() + ".");
    }
}
