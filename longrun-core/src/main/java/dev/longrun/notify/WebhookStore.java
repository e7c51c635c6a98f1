package dev.longrun.notify;

import dev.longrun.store.NamedSql;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code webhooks} table and its delivery log; used by the webhooks API and the {@link WebhookChannel}. */
public final class WebhookStore {

    private final NamedSql sql;
    private final Rows rows;

    WebhookStore(NamedSql sql, Rows rows) {
        this.sql = sql;
        this.rows = rows;
    }

    /** Stores a webhook whose URL the caller has already checked ({@link WebhookUrls}). */
    public Webhook add(String accountId, String url, WebhookFormat format, String secret, Instant now) {
        Args args = Args.of("id", UUID.randomUUID()).and("account_id", accountId).and("url", url).and("format", format.wire())
                .and("secret", secret).and("created_at", now);
        return sql.write(c -> sql.query(c, "InsertWebhook", args, rows::webhook)).getFirst();
    }

    public List<Webhook> list(String accountId) {
        return sql.read(c -> sql.query(c, "ListWebhooks", Args.of("account_id", accountId), rows::webhook));
    }

    public List<Webhook> enabled(String accountId) {
        return sql.read(c -> sql.query(c, "EnabledWebhooks", Args.of("account_id", accountId), rows::webhook));
    }

    public Optional<Webhook> find(UUID id) {
        return sql.read(c -> sql.query(c, "FindWebhook", Args.of("id", id), rows::webhook)).stream().findFirst();
    }

    /** Removes the account's webhook, its log and its undelivered notifications; false if it had none by that id. */
    public boolean remove(UUID id, String accountId) {
        return sql.write(c -> {
            int removed = sql.update(c, "DeleteWebhook", Args.of("id", id).and("account_id", accountId));
            if (removed == 1) {
                sql.update(c, "GiveUpChannel", Args.of("channel", Delivery.WEBHOOK_PREFIX + id).and("error", "The webhook was removed."));
            }
            return removed == 1;
        });
    }

    void succeeded(UUID id) {
        sql.write(c -> sql.update(c, "WebhookSucceeded", Args.of("id", id)));
    }

    /**
     * Counts a failure; at {@code limit} in a row the webhook is disabled with {@code reason} and its pending
     * deliveries give up. Returns the webhook after the change.
     */
    Optional<Webhook> failed(UUID id, int limit, String reason) {
        return sql.write(c -> {
            List<Webhook> after = sql.query(c, "WebhookFailed", Args.of("id", id).and("limit", limit).and("reason", reason), rows::webhook);
            if (!after.isEmpty() && !after.getFirst().enabled()) {
                sql.update(c, "GiveUpChannel", Args.of("channel", Delivery.WEBHOOK_PREFIX + id)
                        .and("error", "The endpoint was disabled: " + after.getFirst().disabledReason()));
            }
            return after.stream().findFirst();
        });
    }

    void log(UUID webhookId, Long notificationId, Instant at, int attempt, Integer statusCode, String error, long durationMs,
             boolean succeeded) {
        Args args = Args.of("webhook_id", webhookId).and("notification_id", notificationId).and("attempted_at", at)
                .and("attempt", attempt).and("status_code", statusCode).and("error", error).and("duration_ms", durationMs)
                .and("succeeded", succeeded);
        sql.write(c -> sql.update(c, "LogWebhookAttempt", args));
    }

    /** The endpoint's delivery log, newest first. */
    public List<WebhookAttempt> attempts(UUID webhookId, int limit) {
        Args args = Args.of("webhook_id", webhookId).and("limit", Math.clamp(limit, 1, NotificationStore.MAX_LIMIT));
        return sql.read(c -> sql.query(c, "WebhookAttempts", args, rows::attempt));
    }
}
