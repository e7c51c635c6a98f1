package dev.longrun.server.contacts.invite;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends invitations over SMTP with Spring's {@link JavaMailSender} (Angus Mail). Tells permanent failures
 * (invalid address, 5xx on the recipient) from transient ones (connection, 4xx) so the job retries only those.
 */
public final class SmtpInvitationSender implements InvitationSender {

    private final JavaMailSender mail;
    private final String from;

    public SmtpInvitationSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(Invitation invitation) throws Exception {
        InternetAddress to = parse(invitation.recipient());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.getAddress());
        message.setSubject(invitation.subject());
        message.setText(invitation.body());
        try {
            mail.send(message);
        } catch (MailSendException e) {
            RejectedAddress rejected = rejection(e);
            if (rejected != null) {
                throw rejected;
            }
            throw e;
        }
    }

    static InternetAddress parse(String address) throws RejectedAddress {
        if (address == null || address.isBlank()) {
            throw new RejectedAddress("No email address", null);
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (!parsed.getAddress().contains("@")) {
                throw new AddressException("missing @");
            }
            return parsed;
        } catch (AddressException e) {
            throw new RejectedAddress("Invalid email address '" + address + "'", e);
        }
    }

    /** A 5xx answer to the recipient means the address is refused for good; everything else may pass later. */
    private static RejectedAddress rejection(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            for (Throwable t = failure; t != null; t = next(t)) {
                // Angus Mail lists addresses refused with a 5xx as invalid, those refused with a 4xx as valid-unsent.
                if (t instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                        && refused.getInvalidAddresses().length > 0) {
                    return new RejectedAddress("The mail server refused the address: " + reason(refused), e);
                }
            }
        }
        return null;
    }

    private static String reason(SendFailedException refused) {
        Exception detail = refused.getNextException();
        String text = detail != null && detail.getMessage() != null ? detail.getMessage() : refused.getMessage();
        return text == null ? "no reason given" : text.strip();
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SendFailedException sfe && sfe.getNextException() != null && sfe.getNextException() != t) {
            return sfe.getNextException();
        }
        if (t instanceof MessagingException me && me.getNextException() != null && me.getNextException() != t) {
            return me.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
