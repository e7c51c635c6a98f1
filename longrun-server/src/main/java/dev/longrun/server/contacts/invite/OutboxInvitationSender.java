package dev.longrun.server.contacts.invite;

import dev.longrun.server.outbox.OutboxRepository;

/** Keeps invitations in the local outbox when no SMTP server is configured; addresses are still validated. */
public final class OutboxInvitationSender implements InvitationSender {

    private final OutboxRepository outbox;

    public OutboxInvitationSender(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(Invitation invitation) throws Exception {
        SmtpInvitationSender.parse(invitation.recipient());
        outbox.insert(invitation.accountId(), invitation.userId(), invitation.jobId(),
                invitation.recipient(), invitation.subject(), invitation.body());
    }
}
