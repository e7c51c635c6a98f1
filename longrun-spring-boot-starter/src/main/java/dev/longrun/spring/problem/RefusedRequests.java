package dev.longrun.spring.problem;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The answer to a request the servlet container refuses before Spring sees it (a malformed request line or header),
 * the same whichever container runs: {@link ProblemErrorReportValve} on Tomcat, {@link ProblemErrorHandler} on Jetty.
 */
final class RefusedRequests {

    private RefusedRequests() {
    }

    /**
     * The protective headers every other answer carries (Spring Security adds them, but it never sees these requests):
     * the page or document cannot be sniffed into another type, framed, or run anything.
     */
    static final Map<String, String> HEADERS = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    /** Whether a path (as sent: context path and base path included, no query) is under the API. */
    static boolean isApi(String apiPrefix, String path) {
        return path.equals(apiPrefix) || path.startsWith(apiPrefix + "/") || path.startsWith(apiPrefix + "?");
    }

    /** The problem document (JSON, UTF-8) for a refusal with this status. */
    static byte[] problem(int status) {
        String detail = status == HttpStatus.BAD_REQUEST.value()
                ? "The request could not be read: its address or headers are malformed (characters such as \\ { } | # or "
                        + "non-ASCII bytes must be percent-encoded; no encoded slashes or broken percent-escapes). Check the link or "
                        + "the client sending it."
                : status == HttpStatus.REQUEST_TIMEOUT.value() ? BrokenBodies.TIMED_OUT
                : "The server refused the request before it reached the API (HTTP " + status + ").";
        return Problems.toJson(Problems.of(HttpStatusCode.valueOf(status), BrokenBodies.code(HttpStatusCode.valueOf(status)), detail), null);
    }

    static String problemText(int status) {
        return new String(problem(status), StandardCharsets.UTF_8);
    }
}
