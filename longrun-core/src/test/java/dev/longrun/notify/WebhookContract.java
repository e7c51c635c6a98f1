package dev.longrun.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhooks against a real HTTP endpoint on 127.0.0.1: signed bodies, retries, disabling, the delivery log. */
abstract class WebhookContract extends NotifyContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DispatchSettings FAST_RETRY = DispatchSettings.defaults().withRetry(Duration.ofSeconds(10), Duration.ofMinutes(1), 8);

    Receiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** @param allowLoopback whether the receiver on 127.0.0.1 may be called (the test-only setting) */
    WebhookChannel channel(int failureLimit, boolean allowLoopback) {
        return new WebhookChannel(store.webhooks(), clock, new WebhookChannel.Settings(Duration.ofMillis(500), failureLimit,
                WebhookAddresses.of(false, allowLoopback), "https://app.example.com"));
    }

    Webhook add(WebhookFormat format) {
        return store.webhooks().add(account, WebhookUrls.check(receiver.url(), WebhookAddresses.of(false, true)).toString(), format,
                WebhookSignature.newSecret(), clock.instant());
    }

    static void drain(Dispatcher d) {
        DispatchContract.drain(d);
    }

    @Test
    void theEndpointGetsTheJobAsSignedJsonOnce() {
        Webhook hook = add(WebhookFormat.JSON);
        Job job = run("n.fail", JobStatus.FAILED);
        Dispatcher d = dispatcher(channel(5, true));

        drain(d);
        drain(d);

        assertThat(receiver.requests).singleElement().satisfies(r -> {
            assertThat(WebhookSignature.verify(hook.secret(), r.header("X-Longrun-Signature"), r.body())).isTrue();
            assertThat(WebhookSignature.verify(hook.secret(), r.header("X-Longrun-Signature"), r.body() + " ")).isFalse();
            assertThat(WebhookSignature.verify("whsec_wrong", r.header("X-Longrun-Signature"), r.body())).isFalse();
            assertThat(r.header("X-Longrun-Signature")).startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
            assertThat(r.header("X-Longrun-Event")).isEqualTo("job.failed");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.get("event").asString()).isEqualTo("job.failed");
            assertThat(body.get("title").asString()).isEqualTo("Import contacts failed");
            assertThat(body.get("link").asString()).isEqualTo("https://app.example.com/jobs/" + job.id());
            assertThat(body.get("job").get("id").asString()).isEqualTo(job.id().toString());
            assertThat(body.get("job").get("error_message").asString()).isEqualTo("Row 18: email is missing");
            assertThat(body.get("job").has("params")).isFalse();
        });
        assertThat(store.webhooks().attempts(hook.id(), 10)).singleElement().satisfies(a -> {
            assertThat(a.succeeded()).isTrue();
            assertThat(a.statusCode()).isEqualTo(200);
            assertThat(a.notificationId()).isEqualTo(notificationsOf(job.id()).getFirst().id());
        });
    }

    @Test
    void slackAndTeamsFormatsCarryTheTitleAndTheLink() {
        add(WebhookFormat.SLACK);
        add(WebhookFormat.TEAMS);
        Job job = run("n.quick", JobStatus.SUCCEEDED);

        drain(dispatcher(channel(5, true)));

        assertThat(receiver.requests).hasSize(2);
        JsonNode slack = receiver.requests.stream().map(r -> JSON.readTree(r.body())).filter(b -> b.has("text") && !b.has("@type"))
                .findFirst().orElseThrow();
        assertThat(slack.get("text").asString()).isEqualTo("*Import contacts is done*\nImported 12 contacts.\n<https://app.example.com/jobs/"
                + job.id() + "|Open the job>");
        JsonNode teams = receiver.requests.stream().map(r -> JSON.readTree(r.body())).filter(b -> b.has("@type")).findFirst().orElseThrow();
        assertThat(teams.get("@type").asString()).isEqualTo("MessageCard");
        assertThat(teams.get("title").asString()).isEqualTo("Import contacts is done");
        assertThat(teams.get("potentialAction").get(0).get("targets").get(0).get("uri").asString())
                .isEqualTo("https://app.example.com/jobs/" + job.id());
    }

    @Test
    void aServerErrorAndATimeoutAreRetriedWithBackoffUntilTheEndpointAnswers() {
        Webhook hook = add(WebhookFormat.JSON);
        receiver.thenStatus(500).thenSlow(2_000);
        Job job = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher d = dispatcher(FAST_RETRY, channel(5, true));

        drain(d);
        clock.advance(Duration.ofSeconds(10));
        drain(d);
        clock.advance(Duration.ofSeconds(19));
        drain(d);
        assertThat(receiver.requests).as("before the second backoff ends").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        drain(d);

        assertThat(receiver.requests).hasSize(3);
        List<WebhookAttempt> log = store.webhooks().attempts(hook.id(), 10);
        assertThat(log).extracting(WebhookAttempt::attempt).containsExactly(3, 2, 1);
        assertThat(log).extracting(WebhookAttempt::succeeded).containsExactly(true, false, false);
        assertThat(log.get(2).error()).isEqualTo("HTTP 500 from the endpoint");
        assertThat(log.get(1).error()).isEqualTo("No HTTP answer from the endpoint (it could not be reached or did not answer within 500 ms).");
        Delivery delivery = store.deliveries(notificationsOf(job.id()).getFirst().id()).getFirst();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(store.webhooks().find(hook.id()).orElseThrow().consecutiveFailures()).isZero();
    }

    @Test
    void aDeadEndpointIsDisabledWithAReasonAndGetsNoMoreDeliveries() {
        Webhook hook = add(WebhookFormat.JSON);
        receiver.otherwise(503);
        Job first = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher d = dispatcher(FAST_RETRY, channel(3, true));
        for (int i = 0; i < 5; i++) {
            drain(d);
            clock.advance(Duration.ofMinutes(1));
        }

        Webhook disabled = store.webhooks().find(hook.id()).orElseThrow();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).isEqualTo("Disabled after 3 failed deliveries in a row; last: HTTP 503 from the endpoint");
        assertThat(receiver.requests).hasSize(3);
        Delivery gaveUp = store.deliveries(notificationsOf(first.id()).getFirst().id()).getFirst();
        assertThat(gaveUp.status()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(gaveUp.lastError()).startsWith("The endpoint was disabled: Disabled after 3 failed deliveries");

        Job later = run("n.quick", JobStatus.SUCCEEDED);
        drain(d);
        assertThat(store.deliveries(notificationsOf(later.id()).getFirst().id())).isEmpty();
        assertThat(receiver.requests).hasSize(3);
    }

    @Test
    void anEndpointOnLoopbackIsNotCalledWhenLoopbackIsNotAllowed() {
        Webhook hook = add(WebhookFormat.JSON); // stored while allowed; the setting changed since
        Job job = run("n.quick", JobStatus.SUCCEEDED);

        drain(dispatcher(FAST_RETRY, channel(5, false)));

        assertThat(receiver.requests).isEmpty();
        assertThat(store.webhooks().attempts(hook.id(), 10)).singleElement()
                .satisfies(a -> assertThat(a.error()).startsWith("Refused: The host '127.0.0.1' points to loopback (127.0.0.0/8)"));
        assertThat(store.deliveries(notificationsOf(job.id()).getFirst().id()).getFirst().status()).isEqualTo(DeliveryStatus.PENDING);
    }

    @Test
    void aNameThatResolvesToAGlobalAddressWhenAddedAndToLoopbackWhenSentIsNotCalled() throws Exception {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        WebhookAddresses.Resolver rebinding = host -> new java.net.InetAddress[] {
                java.net.InetAddress.getByName(lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")};
        WebhookAddresses guard = new WebhookAddresses(false, false, rebinding, List::of);
        String url = "http://rebind.example:" + java.net.URI.create(receiver.url()).getPort() + "/hook";
        Webhook hook = store.webhooks().add(account, WebhookUrls.check(url, guard).toString(), WebhookFormat.JSON,
                WebhookSignature.newSecret(), clock.instant());

        WebhookAttempt attempt = new WebhookChannel(store.webhooks(), clock,
                new WebhookChannel.Settings(Duration.ofMillis(500), 5, guard, "")).test(hook);

        assertThat(attempt.error()).startsWith("Refused: The host 'rebind.example' points to loopback");
        assertThat(receiver.requests).isEmpty();
        assertThat(lookups.get()).as("one lookup when added, one when sent; the connection used the second").isEqualTo(2);
    }

    @Test
    void theConnectionGoesToTheCheckedAddressAndTheRequestKeepsTheName() {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        // a name no real DNS knows: the request can only arrive if the client connected to what the guard returned
        WebhookAddresses.Resolver pinned = host -> {
            lookups.incrementAndGet();
            return new java.net.InetAddress[] {java.net.InetAddress.getLoopbackAddress()};
        };
        WebhookAddresses guard = new WebhookAddresses(false, true, pinned, List::of);
        int port = java.net.URI.create(receiver.url()).getPort();
        Webhook hook = store.webhooks().add(account, "http://hooks.longrun.invalid:" + port + "/hook", WebhookFormat.JSON,
                WebhookSignature.newSecret(), clock.instant());

        WebhookAttempt attempt = new WebhookChannel(store.webhooks(), clock,
                new WebhookChannel.Settings(Duration.ofSeconds(5), 5, guard, "")).test(hook);

        assertThat(attempt.succeeded()).as(String.valueOf(attempt.error())).isTrue();
        assertThat(receiver.requests).singleElement()
                .satisfies(r -> assertThat(r.header("Host")).isEqualTo("hooks.longrun.invalid:" + port));
        assertThat(lookups.get()).isEqualTo(1);
    }

    @Test
    void aClosedPortAndASilentEndpointGetTheSameAnswer() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Webhook toClosed = store.webhooks().add(account, "http://127.0.0.1:" + closed + "/hook", WebhookFormat.JSON,
                WebhookSignature.newSecret(), clock.instant());
        Webhook toSilent = add(WebhookFormat.JSON);
        receiver.thenSlow(2_000);

        String closedError = channel(5, true).test(toClosed).error();
        String silentError = channel(5, true).test(toSilent).error();

        assertThat(closedError).isEqualTo(silentError)
                .isEqualTo("No HTTP answer from the endpoint (it could not be reached or did not answer within 500 ms).");
    }

    @Test
    void aTestDeliveryIsLoggedAndDoesNotCountTowardsDisabling() {
        Webhook hook = add(WebhookFormat.JSON);
        receiver.otherwise(500);

        WebhookAttempt attempt = channel(1, true).test(hook);

        assertThat(attempt.succeeded()).isFalse();
        assertThat(attempt.statusCode()).isEqualTo(500);
        assertThat(attempt.notificationId()).isNull();
        assertThat(receiver.requests).singleElement().satisfies(r -> {
            assertThat(r.header("X-Longrun-Event")).isEqualTo("test");
            assertThat(WebhookSignature.verify(hook.secret(), r.header("X-Longrun-Signature"), r.body())).isTrue();
        });
        assertThat(store.webhooks().find(hook.id()).orElseThrow().enabled()).isTrue();
    }

    @Test
    void removingAWebhookGivesUpItsPendingDeliveries() {
        Webhook hook = add(WebhookFormat.JSON);
        receiver.otherwise(500);
        Job job = run("n.quick", JobStatus.SUCCEEDED);
        Dispatcher d = dispatcher(FAST_RETRY, channel(5, true));
        drain(d);

        assertThat(store.webhooks().remove(hook.id(), "another-account")).isFalse();
        assertThat(store.webhooks().remove(hook.id(), account)).isTrue();
        clock.advance(Duration.ofMinutes(5));
        drain(d);

        assertThat(receiver.requests).hasSize(1);
        assertThat(store.deliveries(notificationsOf(job.id()).getFirst().id()).getFirst().status()).isEqualTo(DeliveryStatus.GAVE_UP);
        assertThat(store.webhooks().list(account)).isEmpty();
    }

    @Test
    void deliveryLogsOlderThanTheKeepPeriodArePruned() {
        Webhook hook = add(WebhookFormat.JSON);
        channel(5, true).test(hook);
        clock.advance(Duration.ofDays(29));
        channel(5, true).test(hook);
        assertThat(store.webhooks().attempts(hook.id(), 10)).hasSize(2);

        clock.advance(Duration.ofDays(2));
        dispatcher(DispatchSettings.defaults().withKeep(Duration.ofDays(30)), channel(5, true)).runOnce();

        assertThat(store.webhooks().attempts(hook.id(), 10)).singleElement()
                .satisfies(a -> assertThat(a.attemptedAt()).isEqualTo(clock.instant().minus(Duration.ofDays(2))));
    }
}
