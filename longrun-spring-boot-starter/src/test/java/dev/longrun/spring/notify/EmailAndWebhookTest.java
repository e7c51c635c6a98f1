package dev.longrun.spring.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.longrun.notify.DeliveryStatus;
import dev.longrun.notify.Notification;
import dev.longrun.notify.NotificationStore;
import dev.longrun.notify.WebhookSignature;
import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.testapp.Gates;
import dev.longrun.spring.testapp.TestApp;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Email through a real in-process SMTP server (GreenMail) and webhooks to a real local endpoint, on the embedded store
 * of this class alone; the clock is shifted to make a job "long". Private webhook addresses are allowed here.
 */
@SpringBootTest(classes = TestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "longrun.notify.webhooks.allow-loopback=true", "longrun.notify.poll-interval=100ms",
        "longrun.notify.base-url=https://jobs.example.com"})
class EmailAndWebhookTest extends ApiTestBase {

    static final GreenMail SMTP = startSmtp();
    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    NotificationStore store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) throws IOException {
        r.add("spring.mail.host", () -> "127.0.0.1");
        r.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        r.add("longrun.data-dir", () -> tempDir());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    static GreenMail startSmtp() {
        try (ServerSocket s = new ServerSocket(0)) {
            GreenMail mail = new GreenMail(new ServerSetup(s.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            s.close();
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String tempDir() {
        try {
            return Files.createTempDirectory("longrun-notify-mail").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Api.Who emailUser() {
        return Api.Who.apiKey(ACCOUNT, "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    Notification awaitPlanned(Api.Who who, String jobId) {
        Notification[] found = new Notification[1];
        Awaitility.await().atMost(WAIT).until(() -> (found[0] = store.inbox(ACCOUNT, userOf(who), null, 50).stream()
                .filter(n -> n.jobId().toString().equals(jobId) && n.plannedAt() != null).findFirst().orElse(null)) != null);
        return found[0];
    }

    @Test
    void aJobLongerThanFiveMinutesSendsOneEmailWithThePlainOutcomeAndALink() throws Exception {
        Api.Who who = emailUser();
        String g = gate();
        String id = startId(who, "test.steps", "{\"gate\":\"" + g + "\",\"steps\":1}");
        awaitStatus(who, id, "running");
        clock.shift(Duration.ofMinutes(6));
        Gates.open(g + "/0");
        Gates.open(g + "/1");
        awaitStatus(who, id, "succeeded");

        Awaitility.await().atMost(WAIT).until(() -> mailTo(userOf(who)).size() == 1);
        Notification n = awaitPlanned(who, id);
        Awaitility.await().atMost(WAIT).until(() -> store.deliveries(n.id()).getFirst().status() == DeliveryStatus.SENT);
        Thread.sleep(500); // several dispatcher polls: a second email would arrive now
        List<MimeMessage> mails = mailTo(userOf(who));
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.getFirst();
        assertThat(mail.getSubject()).isEqualTo("Step through is done — Went through 1 steps");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Longrun <longrun@localhost>");
        assertThat(mail.getMessageID()).isEqualTo("<longrun-notification-" + n.id() + "@localhost>");
        String raw = GreenMailUtil.getWholeMessage(mail);
        assertThat(raw).contains("Went through 1 steps.").contains("https://jobs.example.com/jobs/" + id)
                .contains("text/plain").contains("text/html").contains("<a href=\"https://jobs.example.com/jobs/" + id + "\">Open the job</a>")
                .doesNotContain(Api.API_KEY).doesNotContain("access_token").doesNotContain("\"gate\"");
        assertThat(store.deliveries(n.id())).singleElement().satisfies(d -> assertThat(d.attempts()).isEqualTo(1));
    }

    @Test
    void aShortJobSendsNoEmailUnlessTheUserChoseEmail() {
        Api.Who quiet = emailUser();
        String first = startId(quiet, "test.fail", "{\"reason\":\"quick\"}");
        awaitStatus(quiet, first, "failed");
        assertThat(store.deliveries(awaitPlanned(quiet, first).id())).isEmpty();

        Api.Who chooser = emailUser();
        Api.Res put = api.method("PUT", "/api/notification-preferences").as(chooser)
                .json("{\"preferences\":[{\"job_type\":\"test.fail\",\"channel\":\"email\"}]}").send();
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        String second = startId(chooser, "test.fail", "{\"reason\":\"Row 18: email is missing\"}");
        awaitStatus(chooser, second, "failed");

        Awaitility.await().atMost(WAIT).until(() -> mailTo(userOf(chooser)).size() == 1);
        assertThat(mailTo(userOf(quiet))).isEmpty();
        String raw = GreenMailUtil.getWholeMessage(mailTo(userOf(chooser)).getFirst());
        assertThat(raw).contains("Row 18: email is missing.").contains("start it again");
        assertThat(awaitPlanned(chooser, second).read()).as("email only: the inbox entry is kept read").isTrue();
    }

    @Test
    void aWebhookAddedThroughTheApiGetsSignedDeliveriesAndLogsThem() throws Exception {
        Api.Who admin = Api.Who.apiKey("hooks-" + UUID.randomUUID().toString().substring(0, 8), "owner@example.com");
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            Api.Res added = api.post("/api/webhooks").as(admin).json("{\"url\":\"" + endpoint.url() + "\",\"format\":\"json\"}").send();
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            String hookId = added.json().get("id").asString();
            String secret = added.json().get("secret").asString();
            assertThat(secret).startsWith("whsec_");
            JsonNode listed = api.get("/api/webhooks").as(admin).send().json().get("webhooks");
            assertThat(listed.size()).isEqualTo(1);
            assertThat(listed.get(0).has("secret")).as("the secret is shown once").isFalse();

            Api.Res tested = api.post("/api/webhooks/" + hookId + "/test").as(admin).send();
            assertThat(tested.status()).as(tested.toString()).isEqualTo(200);
            assertThat(tested.json().get("succeeded").asBoolean()).isTrue();

            String jobId = startId(admin, "test.fail", "{\"reason\":\"boom\"}");
            awaitStatus(admin, jobId, "failed");
            Awaitility.await().atMost(WAIT).until(() -> endpoint.received.size() == 2);
            LocalEndpoint.Received delivery = endpoint.received.get(1);
            assertThat(delivery.event()).isEqualTo("job.failed");
            assertThat(WebhookSignature.verify(secret, delivery.signature(), delivery.body())).isTrue();
            assertThat(Api.JSON.readTree(delivery.body()).get("job").get("id").asString()).isEqualTo(jobId);

            JsonNode log = api.get("/api/webhooks/" + hookId + "/deliveries").as(admin).send().json().get("deliveries");
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.get(0).get("status_code").asInt()).isEqualTo(200);
            assertThat(log.get(0).get("notification_id").isNull()).isFalse();
            assertThat(log.get(1).get("notification_id").isNull()).as("the test delivery").isTrue();

            problem(api.method("DELETE", "/api/webhooks/" + hookId).as(Api.Who.apiKey("other-account", "x@example.com")).send(), 404);
            assertThat(api.method("DELETE", "/api/webhooks/" + hookId).as(admin).send().status()).isEqualTo(204);
            assertThat(api.get("/api/webhooks").as(admin).send().json().get("webhooks").size()).isZero();
        }
    }

    @Test
    void testDeliveriesAreLimitedToFiveAMinutePerAccount() throws Exception {
        Api.Who admin = Api.Who.apiKey("limits-" + java.util.UUID.randomUUID(), "admin@example.com");
        try (LocalEndpoint endpoint = new LocalEndpoint()) {
            String hookId = api.post("/api/webhooks").as(admin).json("{\"url\":\"" + endpoint.url() + "\"}").send().json().get("id").asString();
            for (int i = 0; i < 5; i++) {
                assertThat(api.post("/api/webhooks/" + hookId + "/test").as(admin).send().status()).isEqualTo(200);
            }
            Api.Res sixth = api.post("/api/webhooks/" + hookId + "/test").as(admin).send();
            assertThat(problem(sixth, 429).get("code").asString()).isEqualTo("too_many_tests");
            assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(endpoint.received).hasSize(5);
            clock.shift(java.time.Duration.ofMinutes(1));
            assertThat(api.post("/api/webhooks/" + hookId + "/test").as(admin).send().status()).isEqualTo(200);
        }
    }
}
