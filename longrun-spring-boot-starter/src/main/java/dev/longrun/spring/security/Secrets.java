package dev.longrun.spring.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives separate HMAC keys for browser tokens and download links from {@code longrun.tokens.secret} (or, when it
 * is not set, from the node's own secret kept in {@code <longrun.data-dir>/secret}), so a key of one purpose can
 * never verify the other. Built once by the auto-configuration.
 */
public final class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);

    private final byte[] master;

    /** {@code configured} is {@code longrun.tokens.secret} (may be null); {@code dataDir} keeps the fallback secret. */
    public Secrets(String configured, Path dataDir) {
        if (configured == null || configured.isBlank()) {
            SecretFile.Loaded kept = SecretFile.loadOrCreate(dataDir);
            this.master = kept.secret().getBytes(StandardCharsets.US_ASCII);
            log.warn("longrun.tokens.secret is not set: using the secret {} in {}. It survives restarts of this node, but "
                    + "nodes sharing one database cannot verify each other's tokens and links: a multi-node deployment "
                    + "must set longrun.tokens.secret (32+ characters, the same on every node).",
                    kept.created() ? "just created" : "kept", kept.path().toAbsolutePath());
        } else if (configured.length() < 32) {
            throw new IllegalArgumentException("longrun.tokens.secret must be at least 32 characters long (it has "
                    + configured.length() + "); generate one with: openssl rand -base64 48");
        } else {
            this.master = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    public SecretKey tokenKey() {
        return new SecretKeySpec(derive("longrun browser tokens"), "HmacSHA256");
    }

    public SecretKey linkKey() {
        return new SecretKeySpec(derive("longrun download links"), "HmacSHA256");
    }

    private byte[] derive(String purpose) {
        return hmac(master, purpose.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64Url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
