package dev.longrun.spring.security;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.spring.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Dashboard sign-in for the people of {@code longrun.users}: {@code POST /api/session} checks the password and
 * sets a user token as an HttpOnly, SameSite=Strict cookie the API accepts (Secure when the request came over TLS,
 * also behind a proxy that says so), never giving it to page scripts; wrong passwords are throttled
 * ({@link SignInThrottle}); {@code GET} says who is signed in; {@code DELETE} signs out and revokes the token
 * ({@link RevokedSessions}).
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class SessionController {

    private final LongrunUsers users;
    private final LongrunTokens tokens;
    private final SignInThrottle throttle;
    private final RevokedSessions revoked;

    public SessionController(LongrunUsers users, LongrunTokens tokens, SignInThrottle throttle, RevokedSessions revoked) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.revoked = revoked;
    }

    @PostMapping(path = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SessionView> signIn(@RequestBody SignIn body, HttpServletRequest request) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw ApiProblem.invalidField("username", "Enter your username.");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiProblem.invalidField("password", "Enter your password.");
        }
        String username = body.username().strip();
        String address = request.getRemoteAddr();
        throttle.retryAfter(username, address).ifPresent(wait -> {
            throw ApiProblem.tooManyRequests("too_many_attempts", "Too many wrong passwords in a row. Wait "
                    + Math.max(1, wait.toSeconds()) + " s before trying again.", wait);
        });
        LongrunUsers.Person person = users.check(username, body.password()).orElse(null);
        if (person == null) {
            throttle.failed(username, address);
            throw ApiProblem.unauthorized("wrong_credentials", "Wrong username or password.");
        }
        throttle.succeeded(username);
        LongrunTokens.Minted minted = tokens.mint(person.account(), person.username(), null, tokens.defaultTtl());
        ResponseCookie cookie = ResponseCookie.from(LongrunAuthenticationFilter.SESSION_COOKIE, minted.token())
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path(cookiePath(request))
                .maxAge(tokens.defaultTtl()).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString())
                // The token stays in the HttpOnly cookie: page scripts never see it (a script injected into a page could not take it away).
                .body(new SessionView(person.account(), person.username(), person.displayName(), null, minted.expiresAt(), "session"));
    }

    @GetMapping("/session")
    public SessionView whoAmI(@AuthenticationPrincipal Caller caller) {
        if (caller == null || !caller.actsForUser()) {
            throw ApiProblem.unauthorized("unauthenticated", "Nobody is signed in.");
        }
        String name = users.find(caller.accountId(), caller.userId()).map(LongrunUsers.Person::displayName).orElse(caller.userId());
        return new SessionView(caller.accountId(), caller.userId(), name, null, null, caller.via().name().toLowerCase(java.util.Locale.ROOT));
    }

    @DeleteMapping("/session")
    public ResponseEntity<Void> signOut(HttpServletRequest request) {
        String session = LongrunAuthenticationFilter.sessionCookie(request);
        if (session != null) {
            revoked.revoke(session, tokens.defaultTtl());
        }
        ResponseCookie cookie = ResponseCookie.from(LongrunAuthenticationFilter.SESSION_COOKIE, "")
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path(cookiePath(request)).maxAge(0).build();
        return ResponseEntity.status(HttpStatus.NO_CONTENT).header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    private static String cookiePath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    public record SignIn(String username, String password) {
    }

    /** The signed-in person; {@code token} is always null for sessions (kept for the shape of the API). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SessionView(String accountId, String userId, String displayName, String token, Instant expiresAt, String via) {
    }
}
