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
 * answers a user token, also set as an HttpOnly, SameSite=Strict cookie the API accepts; {@code GET} says who is
 * signed in; {@code DELETE} signs out.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class SessionController {

    private final LongrunUsers users;
    private final LongrunTokens tokens;

    public SessionController(LongrunUsers users, LongrunTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @PostMapping(path = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<SessionView> signIn(@RequestBody SignIn body, HttpServletRequest request) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            throw ApiProblem.invalidField("username", "Enter your username.");
        }
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiProblem.invalidField("password", "Enter your password.");
        }
        LongrunUsers.Person person = users.check(body.username().strip(), body.password())
                .orElseThrow(() -> ApiProblem.unauthorized("wrong_credentials", "Wrong username or password."));
        LongrunTokens.Minted minted = tokens.mint(person.account(), person.username(), null, tokens.defaultTtl());
        ResponseCookie cookie = ResponseCookie.from(LongrunAuthenticationFilter.SESSION_COOKIE, minted.token())
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path(cookiePath(request))
                .maxAge(tokens.defaultTtl()).build();
        return ResponseEntity.ok().header(HttpHeaders.SET_COOKIE, cookie.toString())
                .body(new SessionView(person.account(), person.username(), person.displayName(), minted.token(), minted.expiresAt(), "session"));
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
        ResponseCookie cookie = ResponseCookie.from(LongrunAuthenticationFilter.SESSION_COOKIE, "")
                .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path(cookiePath(request)).maxAge(0).build();
        return ResponseEntity.status(HttpStatus.NO_CONTENT).header(HttpHeaders.SET_COOKIE, cookie.toString()).build();
    }

    private static String cookiePath(HttpServletRequest request) {
        return request.getContextPath().isEmpty() ? "/" : request.getContextPath();
    }

    public record SignIn(String username, String password) {
    }

    /** The signed-in person; {@code token} only in the answer to a sign-in. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SessionView(String accountId, String userId, String displayName, String token, Instant expiresAt, String via) {
    }
}
