package dev.longrun.spring.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the servlet container's error dispatch (after a {@code sendError}: {@code TRACE}'s 405, a 400 from the
 * container's own parameter parsing, anything a filter refuses that way) with a problem when the failed request went
 * to the API, instead of Spring Boot's default error JSON. Other requests, a host's own endpoints under the same
 * prefix included (its {@code /api/orders} answering its own 401), go on to the host's error page.
 */
public final class ErrorDispatchProblemFilter extends OncePerRequestFilter {

    private final Predicate<String> isApi;

    /** @param isApi whether a request URI as sent (context path included) is one of Longrun's endpoints */
    public ErrorDispatchProblemFilter(Predicate<String> isApi) {
        this.isApi = isApi;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (!isApi.test(uri) || response.isCommitted()) {
            chain.doFilter(request, response);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
        Problems.write(response, status, status.is5xxServerError() ? "internal_error" : BrokenBodies.code(status), detail(status, uri), uri);
    }

    private static String detail(HttpStatus status, String uri) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: check the address, the query string (percent-escapes as UTF-8) and the headers.";
            case METHOD_NOT_ALLOWED -> "This method is not supported on " + uri + "; the API uses GET, POST, PUT and DELETE as described at its openapi.json.";
            case NOT_FOUND -> "There is no " + uri + ". The API is described at its openapi.json.";
            case CONTENT_TOO_LARGE -> "The request body is larger than this server accepts.";
            case REQUEST_TIMEOUT -> BrokenBodies.TIMED_OUT;
            case UNAUTHORIZED -> "Sign in, or send a token or an API key.";
            case FORBIDDEN -> "You may not do this.";
            default -> status.is5xxServerError()
                    ? "Something failed on our side while handling this request. Nothing you sent was wrong; try again."
                    : "The request was refused (HTTP " + status.value() + " " + status.getReasonPhrase() + ").";
        };
    }
}
