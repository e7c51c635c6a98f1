package dev.longrun.spring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens that were signed out: refused until they would have expired anyway. Sessions are signed tokens
 * that need no server state to check, so signing out has to remember them; only a hash is kept, and only until
 * the token's own expiry. Kept in this node's memory: a deployment of several nodes should keep the session
 * lifetime ({@code longrun.tokens.ttl}) short, since another node does not learn of a sign-out.
 */
public final class RevokedSessions {

    private final Clock clock;
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    public RevokedSessions(Clock clock) {
        this.clock = clock;
    }

    /** @param longestLife no session token lives longer than this from now (the sign-in lifetime) */
    public void revoke(String token, java.time.Duration longestLife) {
        Instant now = clock.instant();
        revoked.values().removeIf(expiry -> !expiry.isAfter(now));
        revoked.put(hash(token), now.plus(longestLife));
    }

    public boolean isRevoked(String token) {
        return revoked.containsKey(hash(token));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
