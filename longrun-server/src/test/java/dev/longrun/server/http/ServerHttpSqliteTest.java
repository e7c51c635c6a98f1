package dev.longrun.server.http;

import dev.longrun.server.testing.ApiClient;
import dev.longrun.server.testing.RunningServer;
import dev.longrun.server.testing.SqliteFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

/** The server on its default embedded SQLite store; with no SMTP server, invitations land in the local outbox. */
class ServerHttpSqliteTest extends ServerHttpContract {

    static SqliteFile dataDir;
    static RunningServer server;

    @BeforeAll
    static void startServer() {
        dataDir = SqliteFile.create();
        server = RunningServer.start(Map.of("longrun.data-dir", dataDir.dir().toString()));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        dataDir.close();
    }

    @Override
    int port() {
        return server.port();
    }

    @Override
    List<String> deliveredInvitations() {
        List<String> recipients = new ArrayList<>();
        for (JsonNode m : new ApiClient(port, "acme", "alice").get("/api/outbox?limit=500").json().get("messages")) {
            recipients.add(m.get("recipient").asString());
        }
        return recipients;
    }
}
