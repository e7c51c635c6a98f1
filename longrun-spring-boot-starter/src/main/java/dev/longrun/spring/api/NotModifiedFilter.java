package dev.longrun.spring.api;

import dev.longrun.JobStamp;
import dev.longrun.Longrun;
import dev.longrun.spring.security.Caller;
import dev.longrun.spring.security.LongrunAuthenticationFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Answers the commonest request of a status page, {@code GET /api/jobs/{id}} with the ETag it already has, with a 304
 * before Spring Security's filter chain and Spring MVC: a browser or backend polling a job sends this every second or
 * two, and the two frameworks were most of the server's CPU per 304 (docs/benchmarks/http.md, "Third pass").
 *
 * <p>It answers only when the answer is certainly a 304: the same credentials check as the API's
 * ({@link LongrunAuthenticationFilter#resolve}, so a revoked token or session is refused here exactly as there), a
 * caller who may see the job ({@link Caller#owns}) and a matching version. Anything else (no or wrong credentials,
 * another user's job, a changed job, an odd path) goes on down the normal chain untouched, which gives the usual 200,
 * 401 or 404 problem. Only the job's owner and version are read ({@link Longrun#stamp}), not the whole row the 200
 * renders. The 304 carries the headers the API's own 304 carries (ETag, Cache-Control, and Spring
 * Security's default security headers).
 */
public final class NotModifiedFilter extends OncePerRequestFilter {

    private static final int UUID_LENGTH = 36;
    private static final String CACHE_CONTROL = "no-cache, private";

    private final Longrun longrun;
    private final LongrunAuthenticationFilter credentials;
    private final String prefix;
    private final String pattern;
    private final List<HeaderWriter> securityHeaders = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new HstsHeaderWriter());

    /** {@code contextPath}: the servlet context path ({@code ""} for most). */
    public NotModifiedFilter(Longrun longrun, LongrunAuthenticationFilter credentials, ApiPaths paths, String contextPath) {
        this.longrun = longrun;
        this.credentials = credentials;
        this.prefix = contextPath + paths.path("/jobs/");
        this.pattern = paths.path("/jobs/{id}");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        long version = ifNoneMatch == null || !"GET".equals(request.getMethod()) ? -1 : unchangedVersion(request, ifNoneMatch);
        if (version < 0) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(pattern));
        for (HeaderWriter w : securityHeaders) {
            w.writeHeaders(request, response);
        }
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        response.setHeader(HttpHeaders.ETAG, etagOf(version));
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    }

    /** The job's version when the answer is certainly a 304 for this caller, else -1. */
    private long unchangedVersion(HttpServletRequest request, String ifNoneMatch) {
        UUID id = jobId(request);
        if (id == null) {
            return -1;
        }
        Caller caller;
        try {
            caller = credentials.resolve(request);
        } catch (RuntimeException refused) {
            return -1; // the normal chain refuses it again, with its problem document
        }
        if (caller == null || !caller.actsForUser()) {
            return -1;
        }
        JobStamp job = longrun.stamp(id).orElse(null);
        if (job == null || !caller.owns(job.accountId(), job.userId(), job.id())
                || !JobsController.matches(ifNoneMatch, etagOf(job.version()))) {
            return -1;
        }
        return job.version();
    }

    static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** The id of {@code <prefix><uuid>} exactly (canonical form, no query string), else null. */
    private UUID jobId(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (request.getQueryString() != null || uri.length() != prefix.length() + UUID_LENGTH || !uri.startsWith(prefix)) {
            return null;
        }
        for (int i = prefix.length(); i < uri.length(); i++) {
            char c = uri.charAt(i);
            int at = i - prefix.length();
            boolean dash = at == 8 || at == 13 || at == 18 || at == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return null;
            }
        }
        return UUID.fromString(uri.substring(prefix.length()));
    }
}
