package dev.longrun.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * An account's endpoint for job notifications, added through {@code /api/webhooks}. The {@link WebhookChannel}
 * signs each body with {@code secret} and disables the endpoint after a run of failures ({@code disabledReason}).
 */
public record Webhook(UUID id, String accountId, String url, WebhookFormat format, String secret, boolean enabled,
                      String disabledReason, int consecutiveFailures, Instant createdAt) {

    public String channel() {
        return Delivery.WEBHOOK_PREFIX + id;
    }
}
