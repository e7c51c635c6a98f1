package dev.longrun.notify;

import java.time.Instant;
import java.util.UUID;

/** One row of an endpoint's delivery log ({@code GET /api/webhooks/{id}/deliveries}); notificationId null for a test. */
public record WebhookAttempt(long id, UUID webhookId, Long notificationId, Instant attemptedAt, int attempt,
                             Integer statusCode, String error, long durationMs, boolean succeeded) {
}
