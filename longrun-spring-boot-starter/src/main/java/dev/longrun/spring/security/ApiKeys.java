package dev.longrun.spring.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The configured API keys, kept only as SHA-256 hashes and compared in constant time, so neither memory dumps
 * nor response timing reveal a key. Used by the authentication filter.
 */
public final class ApiKeys {

    private final List<byte[]> hashes;

    public ApiKeys(List<String> keys) {
        this.hashes = keys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::sha256).toList();
    }

    public boolean isEmpty() {
        return hashes.isEmpty();
    }

    public boolean matches(String presented) {
        byte[] h = sha256(presented);
        boolean found = false;
        for (byte[] known : hashes) {
            found |= MessageDigest.isEqual(known, h); // no early exit: every key is compared
        }
        return found;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
