package dev.longrun.spring.problem;

import jakarta.servlet.http.HttpServletRequest;

/** Lets the upload limit be named in a 413 answer without the advice depending on the upload package. */
public final class UploadLimit {

    public static final String ATTRIBUTE = UploadLimit.class.getName();

    private UploadLimit() {
    }

    /**
     * Whether the multipart parser refused the upload because a part's headers (in practice: its file name) are
     * longer than the container allows. Tomcat says so only in the message ("Header section has more than 512 bytes"),
     * inside an exception that Spring reports as "upload too large".
     */
    static boolean partHeadersTooLong(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Header section has more than")) {
                return true;
            }
        }
        return false;
    }

    static String describe(HttpServletRequest req) {
        Object limit = req.getServletContext().getAttribute(ATTRIBUTE);
        return limit == null ? "this server" : limit.toString();
    }
}
