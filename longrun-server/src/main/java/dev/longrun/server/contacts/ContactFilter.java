package dev.longrun.server.contacts;

import java.util.Locale;

/**
 * The free-text filter of the contacts list, exports and invitations: matches name, email or company,
 * case-insensitively, as a substring. Turned into a LIKE pattern with the wildcards of the text escaped.
 */
public record ContactFilter(String text) {

    public static final ContactFilter ALL = new ContactFilter(null);

    public static ContactFilter of(String text) {
        return text == null || text.isBlank() ? ALL : new ContactFilter(text.strip());
    }

    public boolean isAll() {
        return text == null;
    }

    String likePattern() {
        if (text == null) {
            return "%";
        }
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
