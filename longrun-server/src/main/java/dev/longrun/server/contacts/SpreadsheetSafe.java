package dev.longrun.server.contacts;

import de.siegmar.fastcsv.writer.QuoteStrategy;

/**
 * Neutralises cells a spreadsheet would run as a formula (CSV injection, OWASP): a value starting with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe, so Excel shows it as text; a value holding a
 * character some locales use to separate columns ({@code ;}, tab, {@code |}) is always quoted ({@link #QUOTING}),
 * so {@code a;=1+1} stays one text cell instead of becoming {@code a} and the formula {@code =1+1}. NUL characters
 * are dropped.
 */
public final class SpreadsheetSafe {

    /** Quotes what a comma-separated writer would not, but a spreadsheet splitting at ; tab or | would split. */
    public static final QuoteStrategy QUOTING = new QuoteStrategy() {
        @Override
        public boolean quoteValue(int lineNo, int fieldIdx, String value) {
            return value.indexOf(';') >= 0 || value.indexOf('\t') >= 0 || value.indexOf('|') >= 0;
        }
    };

    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = value.indexOf('\0') >= 0 ? value.replace("\0", "") : value;
        if (v.isEmpty()) {
            return "";
        }
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + v;
        }
        return v;
    }
}
