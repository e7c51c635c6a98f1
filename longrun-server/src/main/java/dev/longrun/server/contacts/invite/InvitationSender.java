package dev.longrun.server.contacts.invite;

/**
 * Delivers one invitation: over SMTP when {@code spring.mail.host} is set ({@link SmtpInvitationSender}),
 * else into the local outbox ({@link OutboxInvitationSender}) that a newcomer can read at {@code GET /api/outbox}.
 */
public interface InvitationSender {

    /**
     * @throws RejectedAddress  the address is invalid or refused for good; retrying will not help
     * @throws Exception        anything else is transient (connection lost, 4xx): the invite job retries this item
     */
    void send(Invitation invitation) throws Exception;

    /** A permanent per-address failure, with a reason a person understands. */
    final class RejectedAddress extends Exception {
        public RejectedAddress(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
