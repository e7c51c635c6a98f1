package dev.longrun.spring.problem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's last-resort error answer, for requests Jetty refuses before Spring sees them (a request line Jetty cannot
 * parse, a target its URI compliance forbids: an illegal character, an ambiguous or encoded slash, a broken
 * percent-escape). The counterpart of {@link ProblemErrorReportValve}: under the API's base path the answer is a
 * problem document; elsewhere Jetty's plain page with the status only, never the stack trace, the exception's
 * message or the server's version. Installed on the server by the web auto-configuration.
 */
public class ProblemErrorHandler extends ErrorHandler {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** The targets Jetty gives a request it refused before (or while) parsing its target. */
    private static final Set<String> UNPARSED = Set.of("/badMessage", "/badURI");

    private final String apiPrefix;

    /** @param apiPrefix where the API's paths start as sent: the context path and the base path, e.g. {@code /api} */
    public ProblemErrorHandler(String apiPrefix) {
        this.apiPrefix = apiPrefix;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String path = path(request);
        RefusedRequests.HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        // A target Jetty could not parse has no known path: it gets the problem document, which is plain enough anywhere.
        if (path != null && !RefusedRequests.isApi(apiPrefix, path)) {
            // A page of our own rather than Jetty's, whose layout names the server as plainly as a version would.
            String reason = HttpStatus.getMessage(code);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
            response.write(true, ByteBuffer.wrap(("<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>" + code + " " + reason
                    + "</title><h1>" + code + " " + reason + "</h1><p>The server could not read this request. Check the address.</p></html>")
                    .getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(RefusedRequests.problem(code)), callback);
    }

    /** A request line Jetty could not parse at all: there is no request, so no path; the problem document is plain enough anywhere. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        RefusedRequests.HEADERS.forEach(fields::put);
        return ByteBuffer.wrap(RefusedRequests.problem(status));
    }

    /** The path as sent, or null when Jetty could not parse the target (it then names one of its placeholders). */
    private static String path(Request request) {
        HttpURI uri = request.getHttpURI();
        String path = uri == null ? null : uri.getPath();
        return path == null || path.isEmpty() || UNPARSED.contains(path) ? null : path;
    }
}
