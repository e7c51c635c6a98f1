package dev.longrun.notify;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a user's inbox: a job reached succeeded, failed, needs_action or was cancelled by the system.
 * Created by the trigger on the jobs table (same transaction as the status change); the {@link Dispatcher}
 * fills in the plain-language title and body ({@code plannedAt}); the user marks it read.
 *
 * @param link the job page, relative to the app ({@code /jobs/<id>}); null until planned
 */
public record Notification(long id, UUID jobId, String accountId, String userId, NotificationKind kind, String title,
                           String body, String link, Instant createdAt, Instant plannedAt, Instant readAt, long version) {

    public boolean read() {
        return readAt != null;
    }
}
