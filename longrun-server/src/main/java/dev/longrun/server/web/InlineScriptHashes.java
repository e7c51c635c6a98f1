package dev.longrun.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The CSP hashes ({@code 'sha256-…'}) of the inline scripts of the dashboard's pages, read from the pages as they
 * are packaged, so the Content-Security-Policy allows exactly those scripts and no injected one, without the pages
 * having to change.
 */
final class InlineScriptHashes {

    private static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\bsrc\\s*=)[^>]*>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private InlineScriptHashes() {
    }

    static Set<String> of(String pattern) {
        Set<String> hashes = new TreeSet<>();
        try {
            for (Resource page : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = page.getInputStream()) {
                    Matcher m = INLINE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        hashes.add("'sha256-" + sha256(m.group(1)) + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard pages to hash their scripts", e);
        }
        return hashes;
    }

    private static String sha256(String script) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
