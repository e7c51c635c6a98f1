package dev.longrun.spring.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last-resort error page, for requests Tomcat refuses before Spring sees them (a request line with
 * characters such as {@code \ { } #} or raw non-ASCII bytes, an encoded slash, a broken percent-escape). Under the
 * API's base path the answer is a problem document; elsewhere Tomcat's plain page, never with the stack trace or
 * the server's version (both switched off here, for the whole host). Installed on the host by the web
 * auto-configuration.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final String apiPrefix;

    /** @param apiPrefix where the API's paths start as sent: the context path and the base path, e.g. {@code /api} */
    public ProblemErrorReportValve(String apiPrefix) {
        this.apiPrefix = apiPrefix;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = RejectedTargets.path(request, throwable);
        if (response.getStatus() >= 400 && !response.isCommitted()) {
            RefusedRequests.HEADERS.forEach(response::setHeader);
        }
        // A request line too long to parse has no known path: it gets the problem document, which is plain enough anywhere.
        if (path != null && !RefusedRequests.isApi(apiPrefix, path)) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(RefusedRequests.problemText(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone; nothing more to say
        }
    }
}
