package dev.longrun.spring.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Whether a failure only means the client went away: an event stream closed by the browser, a download cancelled.
 * That is normal, so it is not logged as an error and nothing is answered (nobody is listening, and an event
 * stream's response cannot carry a problem document anyway).
 */
final class ClientGone {

    private ClientGone() {
    }

    static boolean is(Throwable e, HttpServletResponse response) {
        if (response != null && response.getContentType() != null
                && response.getContentType().startsWith(MediaType.TEXT_EVENT_STREAM_VALUE)) {
            return true;
        }
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof AsyncRequestNotUsableException || t.getClass().getName().endsWith("ClientAbortException")
                    || (t instanceof IOException io && brokenConnection(io.getMessage()))) {
                return true;
            }
        }
        return e instanceof HttpMessageNotWritableException && response != null && response.isCommitted();
    }

    private static boolean brokenConnection(String message) {
        return message != null && (message.contains("Broken pipe") || message.contains("Connection reset"));
    }
}
