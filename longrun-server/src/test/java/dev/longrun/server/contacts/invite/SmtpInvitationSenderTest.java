package dev.longrun.server.contacts.invite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends through a real in-process SMTP server (GreenMail) and tells permanent from transient failures. */
class SmtpInvitationSenderTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static JavaMailSenderImpl mailer(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    static Invitation invitation(String to) {
        return new Invitation("acme", "alice", UUID.randomUUID(), to, "You're invited", "Hello Ann");
    }

    @Test
    void anInvitationArrivesAtTheSmtpServer() throws Exception {
        new SmtpInvitationSender(mailer(greenMail.getSmtp().getPort()), "Longrun <no-reply@longrun.localhost>")
                .send(invitation("ann@x.example"));
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("You're invited");
        assertThat(GreenMailUtil.getBody(received[0])).contains("Hello Ann");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("ann@x.example");
    }

    @Test
    void aMalformedAddressIsRejectedForGood() {
        SmtpInvitationSender sender = new SmtpInvitationSender(mailer(greenMail.getSmtp().getPort()), "no-reply@longrun.localhost");
        assertThatThrownBy(() -> sender.send(invitation("ann at x"))).isInstanceOf(InvitationSender.RejectedAddress.class)
                .hasMessage("Invalid email address 'ann at x'");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableServerIsATransientFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpInvitationSender sender = new SmtpInvitationSender(mailer(closedPort), "no-reply@longrun.localhost");
        assertThatThrownBy(() -> sender.send(invitation("ann@x.example")))
                .isNotInstanceOf(InvitationSender.RejectedAddress.class)
                .hasMessageContaining("Connection refused");
    }
}
