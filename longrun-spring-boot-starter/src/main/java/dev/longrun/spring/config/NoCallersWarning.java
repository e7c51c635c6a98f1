package dev.longrun.spring.config;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Warns at start-up when neither an API key nor a user is configured: then only browser tokens the application mints
 * itself ({@code LongrunTokens}) can call the API, which is rarely what a newcomer meant.
 */
final class NoCallersWarning implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(NoCallersWarning.class);

    private final LongrunProperties properties;

    NoCallersWarning(LongrunProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        message(properties).ifPresent(log::warn);
    }

    static Optional<String> message(LongrunProperties p) {
        boolean keys = p.getApiKeys().stream().anyMatch(k -> k != null && !k.isBlank());
        if (keys || !p.getUsers().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Longrun: no longrun.api-keys and no longrun.users are set, so only browser tokens this application "
                + "mints with LongrunTokens can call the API under " + p.getHttp().getBasePath() + ". Set longrun.api-keys for "
                + "backends and curl, or longrun.users (bcrypt hashes: see the starter README) for signing in.");
    }
}
