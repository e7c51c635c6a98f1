package dev.longrun.spring.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a JSON answer of the API leave in one write with a {@code Content-Length}, instead of two writes in chunks.
 *
 * <p>Spring MVC ends every {@code ResponseEntity} answer with {@code response.flushBuffer()}
 * ({@code HttpEntityMethodProcessor}, "headers are flushed even if no body was written"), before the request is over.
 * The flush commits the response while its length is still unknown, so the server sends the headers and body as
 * chunks, then the last chunk in a second write: a syscall and a TCP segment more on every start, job read and
 * problem (docs/benchmarks/http.md, "Where a start's time goes now"). Left unflushed, the answer stays in the server's
 * own output buffer until the request ends, and the server sends it whole with its length.
 *
 * <p>Only that explicit flush is dropped, and only for a JSON or problem+json answer of a request that is not
 * asynchronous and is not an attachment: an event stream ({@code text/event-stream}, asynchronous), a zip (asynchronous)
 * or a result file download keeps every flush. Nothing is buffered here: an answer larger than the server's output
 * buffer (32 KB on Jetty and Tomcat) is still sent as it is written, in chunks, as before.
 */
public final class OneWriteJsonFilter extends OncePerRequestFilter {

    private final Predicate<HttpServletRequest> longrun;

    /** {@code longrun}: the requests to Longrun's API ({@link ApiPaths#isLongrun}); a host's own endpoints are left as they are. */
    public OneWriteJsonFilter(Predicate<HttpServletRequest> longrun) {
        this.longrun = longrun;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !longrun.test(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void flushBuffer() throws IOException {
                if (!wholeJson(request, this)) {
                    super.flushBuffer();
                }
            }
        });
    }

    /** A JSON answer the request's end will send anyway: its flush only splits it in two writes. */
    static boolean wholeJson(HttpServletRequest request, HttpServletResponse response) {
        String type = response.getContentType();
        return type != null && !request.isAsyncStarted() && response.getHeader(HttpHeaders.CONTENT_DISPOSITION) == null
                && (type.startsWith("application/json") || type.startsWith("application/problem+json"));
    }
}
