package dev.longrun.server.contacts;

/**
 * Neutralises cells a spreadsheet would run as a formula (CSV injection, OWASP): a value starting with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe, so Excel shows it as text.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
