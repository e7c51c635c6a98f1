package dev.longrun.notify;

import java.time.Instant;

/** An email kept in the local outbox because no SMTP server is configured, for the UI to show instead. */
public record OutboxMail(long id, long notificationId, String recipient, String subject, String textBody, String htmlBody,
                         Instant createdAt) {
}
