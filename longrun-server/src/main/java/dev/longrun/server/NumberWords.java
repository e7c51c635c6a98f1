package dev.longrun.server;

import java.util.Locale;

/** Numbers and plurals for the sentences the job types show to people ("Importing row 1,240 of 4,000"). */
public final class NumberWords {

    private NumberWords() {
    }

    /** 1240 → "1,240". */
    public static String number(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** (1, "row") → "1 row"; (3, "row") → "3 rows". */
    public static String count(long n, String singular) {
        return number(n) + " " + (n == 1 ? singular : singular + "s");
    }

    /** Bytes as a person reads them: "812 KB", "4.2 MB". */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        if (n < 1024 * 1024) {
            return Math.round(n / 1024.0) + " KB";
        }
        return String.format(Locale.US, "%.1f MB", n / (1024.0 * 1024.0));
    }
}
