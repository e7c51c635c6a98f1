package dev.longrun.spring.security;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.spring.problem.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code POST /api/tokens}: a backend (API key only) mints a short-lived browser token for one of its users, or for
 * one job of that user, to hand to its front end.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class TokenController {

    private static final Duration MAX_TTL = Duration.ofDays(1);

    private final LongrunTokens tokens;
    private final Longrun longrun;

    public TokenController(LongrunTokens tokens, Longrun longrun) {
        this.tokens = tokens;
        this.longrun = longrun;
    }

    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TokenView mint(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) TokenRequest body) {
        if (caller.via() != Caller.Via.API_KEY) {
            throw ApiProblem.forbidden("api_key_required", "Only a backend with an API key can mint tokens.");
        }
        TokenRequest req = body != null ? body : new TokenRequest(null, null, null, null);
        String account = req.accountId() != null ? req.accountId() : caller.accountId();
        String user = req.userId() != null ? req.userId() : caller.userId();
        if (account == null || account.isBlank() || account.length() > 255) {
            throw ApiProblem.invalidField("account_id", "account_id is required (1 to 255 characters), in the body or as X-Longrun-Account.");
        }
        if (user == null || user.isBlank() || user.length() > 255) {
            throw ApiProblem.invalidField("user_id", "user_id is required (1 to 255 characters), in the body or as X-Longrun-User.");
        }
        Duration ttl = tokens.defaultTtl();
        if (req.ttlSeconds() != null) {
            if (req.ttlSeconds() < 1 || req.ttlSeconds() > MAX_TTL.toSeconds()) {
                throw ApiProblem.invalidField("ttl_seconds", "ttl_seconds must be between 1 and " + MAX_TTL.toSeconds() + ".");
            }
            ttl = Duration.ofSeconds(req.ttlSeconds());
        }
        UUID jobId = null;
        if (req.jobId() != null) {
            try {
                jobId = UUID.fromString(req.jobId());
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("job_id", "'" + req.jobId() + "' is not a job id (a UUID).");
            }
            UUID id = jobId;
            Job job = longrun.get(id).orElseThrow(() -> ApiProblem.jobNotFound(id));
            if (!job.accountId().equals(account) || !job.userId().equals(user)) {
                throw ApiProblem.jobNotFound(id);
            }
        }
        LongrunTokens.Minted minted = tokens.mint(account, user, jobId, ttl);
        return new TokenView(minted.token(), "Bearer", minted.expiresAt(), account, user, jobId);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TokenRequest(String accountId, String userId, String jobId, Long ttlSeconds) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TokenView(String token, String tokenType, Instant expiresAt, String accountId, String userId, UUID jobId) {
    }
}
