package dev.longrun.server.http;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import dev.longrun.testing.PostgresSchema;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The server on PostgreSQL (a fresh schema), sending invitations over SMTP to an in-process GreenMail server. */
class ServerHttpPostgresTest extends ServerHttpContract {

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    static PostgresSchema schema;
    static SqliteFile dataDir;
    static RunningServer server;

    @BeforeAll
    static void startServer() {
        schema = PostgresSchema.create(ServerHttpPostgresTest.class);
        dataDir = SqliteFile.create();
        server = RunningServer.start(Map.of(
                "spring.datasource.url", schema.jdbcUrl(),
                "spring.datasource.username", PostgresSchema.USER,
                "longrun.schema", schema.name(),
                "longrun.data-dir", dataDir.dir().toString(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", SMTP_PORT));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        schema.close();
        dataDir.close();
    }

    @Override
    int port() {
        return server.port();
    }

    @Override
    List<String> deliveredInvitations() {
        List<String> recipients = new ArrayList<>();
        try {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                for (Address a : m.getAllRecipients()) {
                    recipients.add(a.toString());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return recipients;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
