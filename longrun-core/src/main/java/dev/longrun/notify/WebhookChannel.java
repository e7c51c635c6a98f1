package dev.longrun.notify;

import dev.longrun.Job;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Delivers notifications to the account's webhooks ({@code webhook:<id>} deliveries): signed POSTs, no redirects,
 * a timeout; every attempt goes to the endpoint's log; after {@code failureLimit} failures in a row the endpoint is
 * disabled with the reason. Also sends the test request of {@code POST /api/webhooks/{id}/test}.
 */
public final class WebhookChannel implements Channel {

    public record Settings(Duration timeout, int failureLimit, boolean allowPrivate, String baseUrl) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 10, false, "");
        }
    }

    private final WebhookStore store;
    private final Clock clock;
    private final Settings settings;
    private final HttpClient http;

    public WebhookChannel(WebhookStore store, Clock clock, Settings settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
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
            URI uri = WebhookUrls.check(webhook.url(), settings.allowPrivate());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Longrun-Webhooks/1")
                    .header("X-Longrun-Event", event)
                    .header("X-Longrun-Delivery", deliveryId)
                    .header(WebhookSignature.HEADER, WebhookSignature.header(webhook.secret(), at.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            String error = code >= 200 && code < 300 ? null : "HTTP " + code + " from the endpoint";
            return new Attempt(at, code, error, elapsed(started));
        } catch (IllegalArgumentException e) {
            return new Attempt(at, null, "Refused: " + e.getMessage(), elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Attempt(at, null, "No answer within " + (settings.timeout().toMillis() < 1000
                    ? settings.timeout().toMillis() + " ms" : settings.timeout().toSeconds() + " s"), elapsed(started));
        } catch (IOException e) {
            return new Attempt(at, null, "Could not connect: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                    elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(at, null, "Interrupted while sending", elapsed(started));
        }
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
