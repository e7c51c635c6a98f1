package dev.longrun.spring.notify;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.longrun.notify.Webhook;
import dev.longrun.notify.WebhookAttempt;
import dev.longrun.notify.WebhookChannel;
import dev.longrun.notify.WebhookFormat;
import dev.longrun.notify.WebhookSignature;
import dev.longrun.notify.WebhookStore;
import dev.longrun.notify.WebhookUrls;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The account's webhooks: {@code POST /api/webhooks} (url, format json|slack|teams; the answer shows the signing
 * secret once), {@code GET /api/webhooks}, {@code DELETE /api/webhooks/{id}}, {@code POST /api/webhooks/{id}/test},
 * {@code GET /api/webhooks/{id}/deliveries}. Another account's webhook is "not found".
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class WebhooksController {

    private final WebhookStore store;
    private final WebhookChannel channel;
    private final NotifyProperties properties;
    private final Clock clock;
    private final TestDeliveryLimit testLimit;
    private final ApiPaths paths;

    public WebhooksController(WebhookStore store, WebhookChannel channel, NotifyProperties properties,
                              @Qualifier("longrunClock") Clock clock, ApiPaths paths) {
        this.store = store;
        this.channel = channel;
        this.properties = properties;
        this.clock = clock;
        this.testLimit = new TestDeliveryLimit(clock, 5, Duration.ofMinutes(1));
        this.paths = paths;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AddRequest(String url, String format) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(UUID id, String url, String format, boolean enabled, String disabledReason, int consecutiveFailures,
                              Instant createdAt, String secret) {
        static WebhookView of(Webhook w, boolean withSecret) {
            return new WebhookView(w.id(), w.url(), w.format().wire(), w.enabled(), w.disabledReason(), w.consecutiveFailures(),
                    w.createdAt(), withSecret ? w.secret() : null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WebhookList(List<WebhookView> webhooks) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AttemptView(long id, Long notificationId, Instant attemptedAt, int attempt, Integer statusCode, String error,
                              long durationMs, boolean succeeded) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.id(), a.notificationId(), a.attemptedAt(), a.attempt(), a.statusCode(), a.error(), a.durationMs(),
                    a.succeeded());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AttemptList(List<AttemptView> deliveries) {
    }

    @PostMapping("/webhooks")
    public ResponseEntity<WebhookView> add(@AuthenticationPrincipal Caller caller, @RequestBody(required = false) AddRequest request) {
        caller.requireBackend("add webhooks");
        if (request == null) {
            throw ApiProblem.invalidField("url", "Send {\"url\": \"https://hooks.example.com/longrun\", \"format\": \"json\"}.");
        }
        WebhookFormat format;
        try {
            format = request.format() == null ? WebhookFormat.JSON : WebhookFormat.fromWire(request.format());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("format", e.getMessage());
        }
        URI url;
        try {
            url = WebhookUrls.check(request.url(), channel.addresses());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("url", e.getMessage());
        }
        Webhook added = store.add(caller.accountId(), url.toString(), format, WebhookSignature.newSecret(), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).location(paths.location("/webhooks/" + added.id()))
                .body(WebhookView.of(added, true));
    }

    @GetMapping("/webhooks")
    public WebhookList list(@AuthenticationPrincipal Caller caller) {
        caller.requireBackend("list webhooks");
        return new WebhookList(store.list(caller.accountId()).stream().map(w -> WebhookView.of(w, false)).toList());
    }

    @DeleteMapping("/webhooks/{id}")
    public ResponseEntity<Void> remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        caller.requireBackend("remove webhooks");
        if (!store.remove(id, caller.accountId())) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/webhooks/{id}/test")
    public AttemptView test(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Webhook webhook = owned(caller, id);
        testLimit.take(caller.accountId()).ifPresent(wait -> {
            throw ApiProblem.tooManyRequests("too_many_tests", "At most 5 test deliveries a minute per account; try again in "
                    + Math.max(1, wait.toSeconds()) + " s.", wait);
        });
        return AttemptView.of(channel.test(webhook));
    }

    @GetMapping("/webhooks/{id}/deliveries")
    public AttemptList deliveries(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                  @RequestParam(defaultValue = "50") int limit) {
        Webhook w = owned(caller, id);
        return new AttemptList(store.attempts(w.id(), limit).stream().map(AttemptView::of).toList());
    }

    private Webhook owned(Caller caller, UUID id) {
        caller.requireBackend("use webhooks");
        return store.find(id).filter(w -> w.accountId().equals(caller.accountId())).orElseThrow(() -> notFound(id));
    }

    private static ApiProblem notFound(UUID id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", "No webhook with id " + id + " in your account.");
    }
}
