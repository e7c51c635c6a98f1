package dev.longrun.spring.problem;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A request body whose bytes could not be read, as opposed to bytes that were read and are wrong: it did not arrive
 * whole before the server stopped waiting (less than its Content-Length, no last chunk), or its framing broke (a chunk
 * size that is not hexadecimal, a connection that ended early). The container reports either as an I/O error under the
 * parser's exception (Jetty's TimeoutException or HttpEofException, Tomcat's SocketTimeoutException), whose message
 * names Java classes; the answer says what happened instead, and never blames the JSON or the upload's parts.
 */
final class BrokenBodies {

    static final String TIMED_OUT = "The request body did not arrive in full before the server stopped waiting for it (fewer "
            + "bytes than its Content-Length, or no last chunk). Send the request again, whole.";

    private BrokenBodies() {
    }

    /** The code of a 408 problem, whoever answers it (here, or the container, which Tomcat does on its read timeout). */
    static String code(HttpStatusCode status) {
        return status.value() == HttpStatus.REQUEST_TIMEOUT.value() ? "request_timeout" : "request_rejected";
    }

    /** The answer for a body that could not be read, or null when its bytes were read (or there were none). */
    static ResponseEntity<ProblemDetail> answer(Throwable e) {
        if (timedOut(e)) {
            return Problems.response(HttpStatus.REQUEST_TIMEOUT, "request_timeout", TIMED_OUT);
        }
        if (find(e, IOException.class)) {
            return Problems.response(HttpStatus.BAD_REQUEST, "unreadable_body", "The request body could not be read: the "
                    + "connection ended before the body did, or its framing (Content-Length, Transfer-Encoding: chunked) is broken. "
                    + "Send the request again, whole.");
        }
        return null;
    }

    static boolean timedOut(Throwable e) {
        return find(e, TimeoutException.class) || find(e, SocketTimeoutException.class);
    }

    private static boolean find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
