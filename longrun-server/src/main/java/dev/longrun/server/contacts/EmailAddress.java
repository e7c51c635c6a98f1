package dev.longrun.server.contacts;

import java.util.regex.Pattern;

/** What passes for a contact's email address: for the rows of an import and for an address a person fixes alike. */
public final class EmailAddress {

    /** The longest address a mail server must accept (RFC 5321). */
    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private EmailAddress() {
    }

    /** Not too long, one @, a dotted domain: the checks that catch typos without refusing real addresses. */
    public static boolean looksValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
    }
}
