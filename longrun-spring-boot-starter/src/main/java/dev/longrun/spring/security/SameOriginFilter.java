package dev.longrun.spring.security;

import dev.longrun.spring.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection for what the session cookie authenticates: a state-changing request (POST, PUT, PATCH, DELETE)
 * that carries only the cookie must come from this server's own pages, and a sign-in must not come from another
 * site's page. That is known from
 * the {@code Origin} header browsers send with such requests (it must be this server's origin), or, when a client
 * sends no Origin, from {@code Sec-Fetch-Site: same-origin} or the {@code X-Longrun-Csrf} header (which another
 * site's page cannot add without a CORS preflight this API never grants). API keys and bearer tokens are not sent
 * by browsers on their own, so their requests are not checked. Runs after {@link LongrunAuthenticationFilter}.
 */
public final class SameOriginFilter extends OncePerRequestFilter {

    public static final String CSRF_HEADER = "X-Longrun-Csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final String signInPath;

    /** @param signInPath the sign-in endpoint as sent (context path included), e.g. {@code /api/session} */
    public SameOriginFilter(String signInPath) {
        this.signInPath = signInPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean refused = !SAFE.contains(request.getMethod())
                && ((bySessionCookie() && !sameOrigin(request)) || (isSignIn(request) && foreignOrigin(request)));
        if (refused) {
            Problems.write(response, HttpStatus.FORBIDDEN, "cross_site_request", "This request changes something and is "
                    + "authenticated only by the session cookie, but it does not come from this site's pages (its Origin is "
                    + (request.getHeader("Origin") == null ? "missing" : "'" + request.getHeader("Origin") + "'") + "). Send it from "
                    + "the dashboard, add the header " + CSRF_HEADER + ": 1, or use an API key or a bearer token.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isSignIn(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && signInPath.equals(request.getRequestURI());
    }

    private static boolean bySessionCookie() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof Caller c && c.via() == Caller.Via.SESSION;
    }

    /** A sign-in from another site's page (login CSRF); one without an Origin comes from no browser page. */
    private static boolean foreignOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null && !origin.toLowerCase(Locale.ROOT).equals(ownOrigin(request));
    }

    static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return origin.toLowerCase(Locale.ROOT).equals(ownOrigin(request));
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin");
        }
        return "1".equals(request.getHeader(CSRF_HEADER));
    }

    /** This server's origin as the browser sees it (scheme, host, port; behind a proxy as forwarded). */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
