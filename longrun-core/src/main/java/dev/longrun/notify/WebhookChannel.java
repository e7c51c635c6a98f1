package dev.longrun.notify;

import dev.longrun.Job;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers notifications to the account's webhooks ({@code webhook:<id>} deliveries): signed POSTs, no redirects,
 * a timeout; every attempt goes to the endpoint's log; after {@code failureLimit} failures in a row the endpoint is
 * disabled with the reason. Also sends the test request of {@code POST /api/webhooks/{id}/test}.
 */
public final class WebhookChannel implements Channel {

    /** @param addresses which addresses endpoints may have (the SSRF guard) */
    public record Settings(Duration timeout, int failureLimit, WebhookAddresses addresses, String baseUrl) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 10, WebhookAddresses.globalOnly(), "");
        }
    }

    private final WebhookStore store;
    private final Clock clock;
    private final Settings settings;
    private final WebhookHttp http;

    public WebhookChannel(WebhookStore store, Clock clock, Settings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.http = new WebhookHttp(settings.addresses(), settings.timeout());
    }

    /** The guard endpoints are checked with, also when they are added. */
    public WebhookAddresses addresses() {
        return settings.addresses();
    }

    @Override
    public boolean serves(String channel) {
        return channel.startsWith(Delivery.WEBHOOK_PREFIX);
    }

    @Override
    public DeliveryOutcome deliver(Delivery delivery, Notification n, Job job) {
        UUID id = UUID.fromString(delivery.channel().substring(Delivery.WEBHOOK_PREFIX.length()));
        Optional<Webhook> found = store.find(id);
        if (found.isEmpty()) {
            return DeliveryOutcome.giveUp("The webhook was removed.");
        }
        Webhook webhook = found.get();
        if (!webhook.enabled()) {
            return DeliveryOutcome.giveUp("The endpoint is disabled: " + webhook.disabledReason());
        }
        Attempt a = send(webhook, WebhookPayload.render(webhook.format(), n, job, settings.baseUrl()), "job." + n.kind().wire(),
                String.valueOf(delivery.id()));
        store.log(id, n.id(), a.at, delivery.attempts() + 1, a.status, a.error, a.millis, a.error == null);
        if (a.error == null) {
            store.succeeded(id);
            return DeliveryOutcome.sent();
        }
        store.failed(id, settings.failureLimit(), "Disabled after " + settings.failureLimit() + " failed deliveries in a row; last: " + a.error);
        return DeliveryOutcome.retry(a.error);
    }

    /** Sends a sample notification now and logs it; does not count towards disabling. */
    public WebhookAttempt test(Webhook webhook) {
        Notification sample = new Notification(0, new UUID(0, 0), webhook.accountId(), null, NotificationKind.SUCCEEDED,
                "Test from Longrun", "This is a test delivery: your endpoint is reachable and can check the signature.",
                "/jobs", clock.instant(), clock.instant(), null, 1);
        Attempt a = send(webhook, WebhookPayload.render(webhook.format(), sample, null, settings.baseUrl()), "test", "test-" + UUID.randomUUID());
        store.log(webhook.id(), null, a.at, 1, a.status, a.error, a.millis, a.error == null);
        return store.attempts(webhook.id(), 1).getFirst();
    }

    private record Attempt(Instant at, Integer status, String error, long millis) {
    }

    private Attempt send(Webhook webhook, String body, String event, String deliveryId) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        try {
            URI uri = WebhookUrls.parse(webhook.url());
            int code = http.post(uri, Map.of("User-Agent", "Longrun-Webhooks/1", "X-Longrun-Event", event, "X-Longrun-Delivery", deliveryId,
                    WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), at.getEpochSecond(), body)), body);
            String error = code >= 200 && code < 300 ? null : "HTTP " + code + " from the endpoint";
            return new Attempt(at, code, error, elapsed(started));
        } catch (IllegalArgumentException | RefusedAddressException e) {
            return new Attempt(at, null, "Refused: " + e.getMessage(), elapsed(started));
        } catch (UnknownHostException e) {
            return new Attempt(at, null, "The host name of the endpoint could not be resolved.", elapsed(started));
        } catch (IOException e) {
            // One answer for a closed port, a filtered one, a reset and a timeout: the test button must not map a network.
            return new Attempt(at, null, "No HTTP answer from the endpoint (it could not be reached or did not answer within "
                    + describe(settings.timeout()) + ").", elapsed(started));
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
