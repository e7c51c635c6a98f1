package dev.longrun.spring.security;

import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds out who calls the API, in this order: an API key ({@code X-Longrun-Api-Key}, or {@code Authorization: Bearer}
 * with a non-JWT value) acting for {@code X-Longrun-User}/{@code X-Longrun-Account}; a browser token
 * ({@code Authorization: Bearer <jwt>}, or {@code ?access_token=} on event streams, which EventSource cannot send
 * headers to); the dashboard session cookie. Presented-but-wrong credentials are refused at once with a 401
 * problem; a stale session cookie is ignored (so signing in again works).
 */
public final class LongrunAuthenticationFilter extends OncePerRequestFilter {

    public static final String API_KEY_HEADER = "X-Longrun-Api-Key";
    public static final String USER_HEADER = "X-Longrun-User";
    public static final String ACCOUNT_HEADER = "X-Longrun-Account";
    public static final String SESSION_COOKIE = "longrun_session";
    /** Request attribute with why a session cookie was ignored, for the 401 answer. */
    public static final String IGNORED_SESSION = LongrunAuthenticationFilter.class.getName() + ".ignoredSession";

    private final ApiKeys apiKeys;
    private final LongrunTokens tokens;
    private final RevokedSessions revoked;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public LongrunAuthenticationFilter(ApiKeys apiKeys, LongrunTokens tokens, RevokedSessions revoked) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.revoked = revoked;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        try {
            caller = resolve(request);
        } catch (ApiProblem p) {
            Problems.write(response, p.status(), p.code(), p.getMessage(), request.getRequestURI());
            return;
        } catch (TokenRejectedException e) {
            Problems.write(response, HttpStatus.UNAUTHORIZED, e.expired() ? "token_expired" : "token_invalid", e.getMessage(), request.getRequestURI());
            return;
        }
        if (caller != null) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(new CallerAuthentication(caller));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /**
     * The caller these credentials name, or null when the request presents none (or only a stale session cookie).
     * Throws {@link ApiProblem} or {@link TokenRejectedException} for credentials that are presented but wrong.
     * Also used by {@link dev.longrun.spring.api.NotModifiedFilter}, so both decide alike.
     */
    public Caller resolve(HttpServletRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key != null) {
            return apiKey(key, request);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw ApiProblem.unauthorized("unsupported_authorization",
                        "Send 'Authorization: Bearer <token or API key>'; other schemes are not accepted.");
            }
            String value = authorization.substring(7).strip();
            if (looksLikeJwt(value) && revoked.isRevoked(value)) {
                throw new TokenRejectedException(false, "This token was signed out. Sign in again.");
            }
            return looksLikeJwt(value) ? tokens.verify(value, Caller.Via.USER_TOKEN) : apiKey(value, request);
        }
        String queryToken = request.getParameter("access_token");
        if (queryToken != null) {
            if (!"GET".equals(request.getMethod()) || !request.getRequestURI().endsWith("/events")) {
                throw ApiProblem.unauthorized("token_in_query", "access_token in the URL is accepted only on event streams "
                        + "(GET .../events); send 'Authorization: Bearer <token>' instead.");
            }
            return tokens.verify(queryToken, Caller.Via.USER_TOKEN);
        }
        return session(request);
    }

    private Caller session(HttpServletRequest request) {
        String value = sessionCookie(request);
        if (value == null) {
            return null;
        }
        if (revoked.isRevoked(value)) {
            request.setAttribute(IGNORED_SESSION, "You signed out; sign in again.");
            return null;
        }
        try {
            return tokens.verify(value, Caller.Via.SESSION);
        } catch (TokenRejectedException e) {
            request.setAttribute(IGNORED_SESSION, e.expired() ? "Your session expired; sign in again." : "Your session is not valid; sign in again.");
            return null;
        }
    }

    /** The session cookie's value, or null. */
    static String sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (SESSION_COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    private Caller apiKey(String key, HttpServletRequest request) {
        if (apiKeys.isEmpty() || !apiKeys.matches(key.strip())) {
            throw ApiProblem.unauthorized("api_key_invalid", "The API key is not valid. Check longrun.api-keys on the server and the key your backend sends.");
        }
        String user = header(request, USER_HEADER);
        String account = header(request, ACCOUNT_HEADER);
        if ((user == null) != (account == null)) {
            throw ApiProblem.badRequest("user_required", "Send both X-Longrun-User and X-Longrun-Account (or neither, for calls that act for no user).");
        }
        return new Caller(account, user, null, Caller.Via.API_KEY);
    }

    private static String header(HttpServletRequest request, String name) {
        String v = request.getHeader(name);
        if (v == null) {
            return null;
        }
        v = v.strip();
        if (v.isEmpty() || v.length() > 255 || v.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("invalid_header", name + " must be 1 to 255 printable characters.");
        }
        return v;
    }

    private static boolean looksLikeJwt(String v) {
        return v.chars().filter(ch -> ch == '.').count() == 2;
    }
}
