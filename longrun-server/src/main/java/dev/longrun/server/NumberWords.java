package dev.longrun.server;

import dev.longrun.format.HumanFormat;

/**
 * Numbers and plurals for the sentences the job types show to people ("Importing row 1,240 of 4,000"), written
 * by {@link HumanFormat} so a handler's "271 KB" is the card's and the email's "271 KB".
 */
public final class NumberWords {

    private NumberWords() {
    }

    /** 1240 → "1,240". */
    public static String number(long n) {
        return HumanFormat.number(n);
    }

    /** (1, "row") → "1 row"; (3, "row") → "3 rows". */
    public static String count(long n, String singular) {
        return HumanFormat.count(n, singular);
    }

    /** Bytes as a person reads them, in decimal units: "812 KB", "4.2 MB". */
    public static String bytes(long n) {
        return HumanFormat.bytes(n);
    }
}
