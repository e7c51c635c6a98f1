package dev.longrun.spring.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.spring.support.Api;
import dev.longrun.spring.support.ApiTestBase;
import dev.longrun.spring.support.SseStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The inbox, preferences and webhooks API, and the notification event on /api/events; subclasses pick the store. */
abstract class NotificationApiContract extends ApiTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    JsonNode inbox(Api.Who who) {
        Api.Res r = api.get("/api/notifications").as(who).send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode awaitInbox(Api.Who who, int size) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(WAIT).until(() -> (last[0] = inbox(who)).get("notifications").size() == size);
        return last[0];
    }

    @Test
    void aFinishedJobAppearsInItsOwnersInboxWithPlainText() {
        Api.Who who = newUser();
        String id = startId(who, "test.fail", "{\"reason\":\"Row 18: email is missing\"}");
        awaitStatus(who, id, "failed");

        JsonNode inbox = awaitInbox(who, 1);
        JsonNode n = inbox.get("notifications").get(0);
        assertThat(n.get("job_id").asString()).isEqualTo(id);
        assertThat(n.get("kind").asString()).isEqualTo("failed");
        assertThat(n.get("title").asString()).endsWith(" failed");
        assertThat(n.get("body").asString()).startsWith("Row 18: email is missing.");
        assertThat(n.get("link").asString()).isEqualTo("/jobs/" + id);
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(inbox.get("unread").asLong()).isEqualTo(1);
        assertThat(inbox(newUser()).get("notifications").size()).as("another user's inbox").isZero();
    }

    @Test
    void markingReadIsPerUserAndAnotherUsersNotificationIsNotFound() {
        Api.Who who = newUser();
        Api.Who other = newUser();
        awaitStatus(who, startId(who, "test.fail", "{\"reason\":\"one\"}"), "failed");
        awaitStatus(who, startId(who, "test.fail", "{\"reason\":\"two\"}"), "failed");
        long first = awaitInbox(who, 2).get("notifications").get(1).get("id").asLong();

        JsonNode p = problem(api.post("/api/notifications/" + first + "/read").as(other).send(), 404);
        assertThat(p.get("detail").asString()).isEqualTo("No notification with id " + first + ".");
        problem(api.post("/api/notifications/99999999/read").as(who).send(), 404);
        problem(api.post("/api/notifications/not-a-number/read").as(who).send(), 400);

        Api.Res read = api.post("/api/notifications/" + first + "/read").as(who).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("read").asBoolean()).isTrue();
        assertThat(inbox(who).get("unread").asLong()).isEqualTo(1);

        Api.Res all = api.post("/api/notifications/read-all").as(who).send();
        assertThat(all.json().get("marked").asInt()).isEqualTo(1);
        assertThat(all.json().get("unread").asLong()).isZero();
    }

    @Test
    void preferencesAreValidatedAndReplacedAsAWhole() {
        Api.Who who = newUser();
        JsonNode defaults = api.get("/api/notification-preferences").as(who).send().json();
        assertThat(defaults.get("preferences").size()).isZero();
        assertThat(defaults.get("channels").toString()).isEqualTo("[\"in_app\",\"email\",\"both\"]");
        assertThat(defaults.get("defaults").get("text").asString()).isEqualTo("In-app always; email too when a job runs longer than 5 minutes.");

        JsonNode p = problem(api.method("PUT", "/api/notification-preferences").as(who)
                .json("{\"preferences\":[{\"job_type\":\"*\",\"channel\":\"sms\"}]}").send(), 400);
        assertThat(p.get("detail").asString()).isEqualTo("'sms' is not a notification channel; use one of [in_app, email, both].");
        p = problem(api.method("PUT", "/api/notification-preferences").as(who)
                .json("{\"preferences\":[{\"job_type\":\"no.such.type\",\"channel\":\"email\"}]}").send(), 400);
        assertThat(p.get("detail").asString()).startsWith("There is no job type 'no.such.type'; use one of [");
        problem(api.method("PUT", "/api/notification-preferences").as(who).json("{}").send(), 400);
        problem(api.method("PUT", "/api/notification-preferences").as(who)
                .json("{\"preferences\":[{\"job_type\":\"*\",\"channel\":\"email\"},{\"job_type\":\"*\",\"channel\":\"both\"}]}").send(), 400);

        Api.Res ok = api.method("PUT", "/api/notification-preferences").as(who)
                .json("{\"preferences\":[{\"job_type\":\"*\",\"channel\":\"in_app\"},{\"job_type\":\"test.fail\",\"channel\":\"both\"}]}").send();
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonNode stored = api.get("/api/notification-preferences").as(who).send().json().get("preferences");
        assertThat(stored.toString()).isEqualTo("[{\"job_type\":\"*\",\"channel\":\"in_app\"},{\"job_type\":\"test.fail\",\"channel\":\"both\"}]");
    }

    @Test
    void webhookUrlsThatAreInvalidOrPointInsideAreRefused() {
        Api.Who who = newUser();
        for (String url : new String[] {"http://127.0.0.1/hook", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://localhost:8080/"}) {
            JsonNode p = problem(api.post("/api/webhooks").as(who).json("{\"url\":\"" + url + "\"}").send(), 400);
            assertThat(p.get("detail").asString()).as(url).contains("webhooks may only call public addresses");
            assertThat(p.get("detail").asString().contains("allow-private=true")).as(url + ": only private networks may be allowed")
                    .isEqualTo(url.contains("10.0.0.1"));
        }
        JsonNode p = problem(api.post("/api/webhooks").as(who).json("{\"url\":\"file:///etc/passwd\"}").send(), 400);
        assertThat(p.get("detail").asString()).contains("must start with https://");
        p = problem(api.post("/api/webhooks").as(who).json("{\"url\":\"not a url\"}").send(), 400);
        assertThat(p.get("detail").asString()).contains("is not a valid URL");
        p = problem(api.post("/api/webhooks").as(who).json("{\"url\":\"https://hooks.example.com/x\",\"format\":\"xml\"}").send(), 400);
        assertThat(p.get("detail").asString()).isEqualTo("'xml' is not a webhook format; use one of [json, slack, teams].");
        problem(api.post("/api/webhooks").as(who).json("{}").send(), 400);
        assertThat(api.get("/api/webhooks").as(who).send().json().get("webhooks").size()).isZero();
        problem(api.method("DELETE", "/api/webhooks/" + java.util.UUID.randomUUID()).as(who).send(), 404);
        problem(api.get("/api/webhooks/" + java.util.UUID.randomUUID() + "/deliveries").as(who).send(), 404);
    }

    @Test
    void onlyTheBackendManagesTheAccountsWebhooks() {
        // A webhook gets the notifications of every user in the account: a user who could add one would read the
        // others' jobs (their titles, errors and ids), and could remove the hooks the account relies on.
        Api.Who backend = newUser();
        String hook = java.util.UUID.randomUUID().toString(); // refused before it is looked up: no hook is needed
        String user = tokens.mintUserToken(ACCOUNT, userOf(newUser()));
        for (Api.Who who : List.of(Api.Who.bearer(user), Api.Who.page(user))) {
            for (Api.Res r : List.of(api.post("/api/webhooks").as(who).json("{\"url\":\"https://attacker.example.com/x\"}").send(),
                    api.get("/api/webhooks").as(who).send(), api.method("DELETE", "/api/webhooks/" + hook).as(who).send(),
                    api.post("/api/webhooks/" + hook + "/test").as(who).send(), api.get("/api/webhooks/" + hook + "/deliveries").as(who).send())) {
                JsonNode p = problem(r, 403);
                assertThat(p.get("code").asString()).isEqualTo("backend_only");
                assertThat(p.get("detail").asString()).contains("Only the application's backend, with its API key");
            }
        }
        assertThat(api.get("/api/webhooks").as(backend).send().status()).as("the backend's API key").isEqualTo(200);
        problem(api.get("/api/webhooks/" + hook + "/deliveries").as(backend).send(), 404);
    }

    @Test
    void withoutSmtpTheEmailIsKeptInTheLocalOutboxOnce() {
        Api.Who who = newUser();
        Api.Res put = api.method("PUT", "/api/notification-preferences").as(who)
                .json("{\"preferences\":[{\"job_type\":\"test.fail\",\"channel\":\"both\"}]}").send();
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        String id = startId(who, "test.fail", "{\"reason\":\"Row 18: email is missing\"}");
        awaitStatus(who, id, "failed");

        JsonNode[] messages = new JsonNode[1];
        Awaitility.await().atMost(WAIT).until(() ->
                (messages[0] = api.get("/api/notifications/outbox").as(who).send().json().get("messages")).size() == 1);
        JsonNode mail = messages[0].get(0);
        assertThat(mail.get("subject").asString()).isEqualTo("Always fails failed — Row 18: email is missing");
        assertThat(mail.get("text_body").asString()).contains("Open the job: /jobs/" + id);
        assertThat(mail.get("recipient").asString()).isEqualTo("user " + userOf(who) + " (no email address known)");
        assertThat(api.get("/api/notifications/outbox").as(newUser()).send().json().get("messages").size()).isZero();
    }

    @Test
    void theUsersEventStreamFollowsAnOutcomeWithItsNotification() throws Exception {
        Api.Who who = newUser();
        String token = tokens.mintUserToken(ACCOUNT, userOf(who));
        try (SseStream sse = SseStream.open(api.http(), api.base() + "/api/events?access_token=" + token, Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            String id = startId(who, "test.fail", "{\"reason\":\"Row 18: email is missing\"}");
            JsonNode notification = null;
            for (int i = 0; i < 20 && notification == null; i++) {
                SseStream.Frame f = sse.nextEvent(WAIT);
                assertThat(f).as("an event within " + WAIT).isNotNull();
                if ("notification".equals(f.event())) {
                    notification = f.json();
                }
            }
            assertThat(notification).isNotNull();
            assertThat(notification.get("job_id").asString()).isEqualTo(id);
            assertThat(notification.get("kind").asString()).isEqualTo("failed");
            assertThat(notification.get("body").asString()).startsWith("Row 18: email is missing.");
        }
    }
}
