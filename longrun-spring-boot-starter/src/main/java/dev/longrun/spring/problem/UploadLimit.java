package dev.longrun.spring.problem;

import jakarta.servlet.http.HttpServletRequest;

/** Lets the upload limit be named in a 413 answer without the advice depending on the upload package. */
public final class UploadLimit {

    public static final String ATTRIBUTE = UploadLimit.class.getName();

    private UploadLimit() {
    }

    static String describe(HttpServletRequest req) {
        Object limit = req.getServletContext().getAttribute(ATTRIBUTE);
        return limit == null ? "this server" : limit.toString();
    }
}
