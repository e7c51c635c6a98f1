package dev.longrun.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Keys that make "the same request again" return the first job. An explicit key is scoped to account
 * and user (two users may pick the same key); without one, the request itself (type + canonical params)
 * is the key. Both are hashed so the stored key has a fixed size.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    static String scopedKey(String accountId, String userId, String explicitKey, String type, String canonicalParams) {
        String material = explicitKey != null
                ? "key\0" + accountId + "\0" + userId + "\0" + explicitKey
                : "req\0" + accountId + "\0" + userId + "\0" + type + "\0" + canonicalParams;
        return sha256(material);
    }

    static String fingerprint(String type, String canonicalParams, UUID dependsOn) {
        return sha256(type + "\0" + canonicalParams + "\0" + dependsOn);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
