package dev.longrun.spring.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;

/**
 * Short-lived browser tokens: HMAC-signed JWTs (Nimbus) naming one user ({@code sub}, {@code account}) and
 * optionally one job ({@code job}). A host backend mints them with this bean (or {@code POST /api/tokens}) and
 * hands them to its front end; the authentication filter verifies them.
 */
public final class LongrunTokens {

    private static final String ISSUER = "longrun";

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final Clock clock;
    private final Duration defaultTtl;

    public LongrunTokens(SecretKey key, Clock clock, Duration defaultTtl) {
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        // Expiry is checked below against the injected clock, with no skew, so tests and operators see exact times.
        this.decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.clock = clock;
        this.defaultTtl = defaultTtl;
    }

    /** A token for every job of this user, valid for {@code longrun.tokens.ttl}. */
    public String mintUserToken(String accountId, String userId) {
        return mint(accountId, userId, null, defaultTtl).token();
    }

    /** A token for this one job of this user only. The caller must have checked that the job is the user's. */
    public String mintJobToken(String accountId, String userId, UUID jobId) {
        return mint(accountId, userId, Objects.requireNonNull(jobId, "jobId"), defaultTtl).token();
    }

    /** A token with its expiry; {@code jobId} null for a user token. */
    public Minted mint(String accountId, String userId, UUID jobId, Duration ttl) {
        requireId("accountId", accountId);
        requireId("userId", userId);
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A token lifetime must be positive, was " + ttl);
        }
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        // A random id makes every token distinct: signing out one session (which remembers the token) must not
        // sign out another session of the same person minted in the same second.
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject(userId).claim("account", accountId)
                .id(UUID.randomUUID().toString()).issuedAt(now).expiresAt(expires);
        if (jobId != null) {
            claims.claim("job", jobId.toString());
        }
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()));
        return new Minted(jwt.getTokenValue(), expires);
    }

    /**
     * The caller a token stands for.
     *
     * @throws TokenRejectedException when the signature, the shape or the expiry is wrong
     */
    public Caller verify(String token, Caller.Via via) {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            throw new TokenRejectedException(false, "The token is not valid (it was changed, is incomplete, or was signed with another secret). Sign in again or ask the application for a new token.");
        }
        Instant exp = jwt.getExpiresAt();
        if (!ISSUER.equals(jwt.getClaimAsString("iss")) || exp == null || jwt.getSubject() == null || jwt.getClaimAsString("account") == null) {
            throw new TokenRejectedException(false, "The token is not a Longrun token. Sign in again or ask the application for a new token.");
        }
        if (!clock.instant().isBefore(exp)) {
            throw new TokenRejectedException(true, "The token expired at " + exp + ". Sign in again or ask the application for a new token.");
        }
        String job = jwt.getClaimAsString("job");
        UUID jobId;
        try {
            jobId = job == null ? null : UUID.fromString(job);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(false, "The token names an invalid job. Ask the application for a new token.");
        }
        Caller.Via kind = jobId != null ? Caller.Via.JOB_TOKEN : via;
        return new Caller(jwt.getClaimAsString("account"), jwt.getSubject(), jobId, kind);
    }

    public Duration defaultTtl() {
        return defaultTtl;
    }

    private static void requireId(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new IllegalArgumentException(name + " must be 1 to 255 characters");
        }
    }

    /** A minted token and when it stops working. */
    public record Minted(String token, Instant expiresAt) {
    }
}
