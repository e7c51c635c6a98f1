package dev.longrun.notify;

import java.time.Instant;

/**
 * One channel's delivery of one notification ({@code email} or {@code webhook:<id>}); unique per pair, so a
 * notification reaches each channel at most once per success, whichever node delivers it.
 */
public record Delivery(long id, long notificationId, String channel, DeliveryStatus status, int attempts,
                       Instant nextAttemptAt, String lastError, Instant sentAt) {

    public static final String EMAIL = "email";
    public static final String WEBHOOK_PREFIX = "webhook:";
}
