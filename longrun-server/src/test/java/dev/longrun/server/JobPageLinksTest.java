package dev.longrun.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The job link in notification emails and webhooks opens the dashboard's job page. */
class JobPageLinksTest {

    @TempDir
    static Path dataDir;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(LongrunServer.class).run("--server.port=0", "--longrun.data-dir=" + dataDir,
                "--longrun-demo.contacts=0");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNotificationLinkRedirectsToTheJobPage() throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        String id = "01a20931-fc62-7000-9c61-be10ab350ba2";
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/" + id)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/job.html?id=" + id);
        HttpResponse<Void> bad = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/not-a-uuid")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(bad.statusCode()).isIn(400, 404);
    }
}
