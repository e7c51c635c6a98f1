package dev.longrun.server.contacts.invite;

import java.util.UUID;

/** One invitation email about to be sent, with who sent it (for the outbox) and the job sending it. */
public record Invitation(String accountId, String userId, UUID jobId, String recipient, String subject, String body) {
}
