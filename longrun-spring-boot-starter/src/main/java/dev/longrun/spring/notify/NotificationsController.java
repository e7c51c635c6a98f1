package dev.longrun.spring.notify;

import dev.longrun.spring.api.ApiPaths;
import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.notify.NotificationStore;
import dev.longrun.notify.OutboxMail;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The caller's inbox: {@code GET /api/notifications} (newest first, {@code before} for the next page),
 * {@code POST /api/notifications/{id}/read}, {@code POST /api/notifications/read-all}, and the local mail outbox
 * ({@code GET /api/notifications/outbox}) that holds email when no SMTP server is configured. Another user's
 * notification is "not found".
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class NotificationsController {

    private final NotificationStore store;
    private final NotificationViews views;
    private final Clock clock;

    public NotificationsController(NotificationStore store, NotificationViews views, @Qualifier("longrunClock") Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InboxView(List<NotificationView> notifications, long unread, Long nextBefore) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReadAllView(int marked, long unread) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MailView(long id, long notificationId, String recipient, String subject, String textBody, String htmlBody,
                           Instant createdAt) {
        static MailView of(OutboxMail m) {
            return new MailView(m.id(), m.notificationId(), m.recipient(), m.subject(), m.textBody(), m.htmlBody(), m.createdAt());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record OutboxView(List<MailView> messages) {
    }

    @GetMapping("/notifications")
    public InboxView inbox(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) Long before,
                           @RequestParam(defaultValue = "50") int limit) {
        caller.requireUnscoped("read the notification inbox");
        if (limit < 1 || limit > NotificationStore.MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "limit must be between 1 and " + NotificationStore.MAX_LIMIT + ", was " + limit + ".");
        }
        var page = store.inbox(caller.accountId(), caller.userId(), before, limit);
        Long next = page.size() == limit ? page.getLast().id() : null;
        return new InboxView(views.views(page), store.unread(caller.accountId(), caller.userId()), next);
    }

    @PostMapping("/notifications/{id}/read")
    public NotificationView read(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
        caller.requireUnscoped("mark notifications read");
        return store.markRead(id, caller.accountId(), caller.userId(), clock.instant()).map(views::view)
                .orElseThrow(() -> NotificationViews.notFound(id));
    }

    @PostMapping("/notifications/read-all")
    public ReadAllView readAll(@AuthenticationPrincipal Caller caller) {
        caller.requireUnscoped("mark notifications read");
        Instant now = clock.instant();
        int marked = store.markAllRead(caller.accountId(), caller.userId(), now);
        return new ReadAllView(marked, store.unread(caller.accountId(), caller.userId()));
    }

    @GetMapping("/notifications/outbox")
    public OutboxView outbox(@AuthenticationPrincipal Caller caller, @RequestParam(defaultValue = "50") int limit) {
        caller.requireUnscoped("read the mail outbox");
        return new OutboxView(store.outbox(caller.accountId(), caller.userId(), limit).stream().map(MailView::of).toList());
    }
}
