package dev.longrun.spring.notify;

import dev.longrun.Job;
import dev.longrun.notify.Channel;
import dev.longrun.notify.Delivery;
import dev.longrun.notify.DeliveryOutcome;
import dev.longrun.notify.Notification;
import dev.longrun.notify.NotificationStore;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Optional;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The {@code email} delivery: over SMTP with Spring Mail when {@code spring.mail.host} is set, else into the local
 * outbox table for the UI to show ({@code GET /api/notifications/outbox}). Each message carries a Message-ID made
 * from the delivery, so a resend after a crash mid-send can be recognised as the same message.
 */
public final class EmailChannel implements Channel {

    private final JavaMailSender smtp;
    private final NotificationStore outbox;
    private final NotificationRecipients recipients;
    private final NotifyProperties properties;
    private final Clock clock;

    /** @param smtp null: keep messages in the local outbox */
    public EmailChannel(JavaMailSender smtp, NotificationStore outbox, NotificationRecipients recipients, NotifyProperties properties,
                        Clock clock) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.recipients = recipients;
        this.properties = properties;
        this.clock = clock;
    }

    public boolean usesSmtp() {
        return smtp != null;
    }

    @Override
    public boolean serves(String channel) {
        return channel.equals(Delivery.EMAIL);
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery, Notification n, Job job) {
        Optional<String> to = recipients.emailOf(n.accountId(), n.userId());
        MailText mail = MailText.of(n, properties.getBaseUrl());
        if (smtp == null) {
            // Kept for the user to read in the app, so it goes in even when no address is known.
            outbox.keepMail(n, to.orElse("user " + n.userId() + " (no email address known)"), mail.subject(), mail.text(), mail.html(),
                    clock.instant());
            return DeliveryOutcome.sent();
        }
        if (to.isEmpty()) {
            return DeliveryOutcome.giveUp("No email address is known for user " + n.userId()
                    + "; declare a NotificationRecipients bean that finds it.");
        }
        try {
            smtp.send(message(delivery, to.get(), mail));
            return DeliveryOutcome.sent();
        } catch (MailAuthenticationException e) {
            return DeliveryOutcome.retry("The SMTP server refused the login; check spring.mail.username and spring.mail.password.");
        } catch (MailException | MessagingException e) {
            return DeliveryOutcome.retry("Sending the email failed: " + e.getMessage());
        }
    }

    private MimeMessage message(Delivery delivery, String to, MailText mail) throws MessagingException {
        String domain = properties.getMailFrom().replaceAll(".*@", "").replaceAll("[>\\s]", "");
        String messageId = "<longrun-notification-" + delivery.notificationId() + "@" + (domain.isBlank() ? "localhost" : domain) + ">";
        MimeMessage message = new MimeMessage(smtp.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.getMailFrom());
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }
}
