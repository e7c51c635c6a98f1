package dev.longrun.notify;

import dev.longrun.store.NamedSql;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The notification tables (created by migration V2 with the job tables): users' inboxes, the dispatcher's
 * planning and delivery bookkeeping, and the local mail outbox. SQL in {@code db/<dialect>/notifications.sql}.
 * Thread-safe; one per DataSource. Webhooks and preferences have their own stores, reached from here.
 */
public final class NotificationStore {

    public static final int MAX_LIMIT = 200;

    private final NamedSql sql;
    private final Rows rows;
    private final WebhookStore webhooks;
    private final PreferenceStore preferences;

    private NotificationStore(NamedSql sql) {
        this.sql = sql;
        this.rows = new Rows(sql);
        this.webhooks = new WebhookStore(sql, rows);
        this.preferences = new PreferenceStore(sql, rows);
    }

    /** The tables must exist: migrate the job store first (the engine does at start). */
    public static NotificationStore open(DataSource dataSource, String schema) {
        return new NotificationStore(NamedSql.load(dataSource, schema, "notifications.sql"));
    }

    public WebhookStore webhooks() {
        return webhooks;
    }

    public PreferenceStore preferences() {
        return preferences;
    }

    // --- inbox -----------------------------------------------------------------------------------

    /** The user's notifications, newest first, older than {@code beforeId} (null: from the newest). */
    public List<Notification> inbox(String accountId, String userId, Long beforeId, int limit) {
        Args args = Args.of("account_id", accountId).and("user_id", userId)
                .and("before_id", beforeId == null ? Long.MAX_VALUE : beforeId).and("limit", Math.clamp(limit, 1, MAX_LIMIT));
        return sql.read(c -> sql.query(c, "ListNotifications", args, rows::notification));
    }

    public long unread(String accountId, String userId) {
        return sql.read(c -> sql.query(c, "CountUnread", Args.of("account_id", accountId).and("user_id", userId),
                rs -> rs.getLong("unread"))).getFirst();
    }

    public Optional<Notification> find(long id) {
        return sql.read(c -> sql.query(c, "FindNotification", Args.of("id", id), rows::notification)).stream().findFirst();
    }

    /** The notifications one job produced, newest first (the SSE push looks up the one of a new outcome). */
    public List<Notification> ofJob(java.util.UUID jobId) {
        return sql.read(c -> sql.query(c, "NotificationsOfJob", Args.of("job_id", jobId), rows::notification));
    }

    /** Empty when there is no such notification of this user (another user's is "not found" too). Idempotent. */
    public Optional<Notification> markRead(long id, String accountId, String userId, Instant now) {
        Args args = Args.of("id", id).and("account_id", accountId).and("user_id", userId).and("now", now);
        return sql.write(c -> sql.query(c, "MarkRead", args, rows::notification)).stream().findFirst();
    }

    public int markAllRead(String accountId, String userId, Instant now) {
        return sql.write(c -> sql.update(c, "MarkAllRead", Args.of("account_id", accountId).and("user_id", userId).and("now", now)));
    }

    // --- dispatcher --------------------------------------------------------------------------------

    List<Notification> unplanned(int limit) {
        return sql.read(c -> sql.query(c, "Unplanned", Args.of("limit", limit), rows::notification));
    }

    /** A notification's plan: its text, when it counts as read (null: unread), the channels to deliver it on. */
    record Plan(Notification notification, Rendered text, Instant readAt, List<String> channels) {
    }

    /**
     * Writes the plans' text and delivery rows in one transaction, each only if nobody planned it first (a
     * compare-and-set on planned_at; on PostgreSQL a row another node is planning at that moment is left to it);
     * returns how many this node planned.
     */
    int plan(List<Plan> plans, Instant now) {
        if (plans.isEmpty()) {
            return 0;
        }
        List<Plan> byId = plans.stream().sorted(Comparator.comparingLong(p -> p.notification().id())).toList();
        Args args = Args.of("now", now)
                .and("ids", NamedSql.longs(byId.stream().map(p -> p.notification().id()).toList()))
                .and("titles", NamedSql.texts(byId.stream().map(p -> p.text().title()).toList()))
                .and("bodies", NamedSql.texts(byId.stream().map(p -> p.text().body()).toList()))
                .and("links", NamedSql.texts(byId.stream().map(p -> p.text().link()).toList()))
                .and("read_ats", NamedSql.instants(byId.stream().map(Plan::readAt).toList()));
        return sql.write(c -> {
            Set<Long> won = new HashSet<>(sql.query(c, "MarkPlannedMany", args, rs -> rs.getLong("id")));
            for (Plan p : byId) {
                if (!won.contains(p.notification().id())) {
                    continue;
                }
                for (String channel : p.channels()) {
                    sql.update(c, "InsertDelivery", Args.of("notification_id", p.notification().id()).and("channel", channel)
                            .and("next_attempt_at", now));
                }
            }
            return won.size();
        });
    }

    /** Leases due deliveries to {@code owner} until {@code leaseUntil}; another node skips them meanwhile. */
    List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit) {
        Args args = Args.of("owner", owner).and("now", now).and("lease_until", leaseUntil).and("limit", limit);
        return sql.write(c -> sql.query(c, "ClaimDeliveries", args, rows::delivery));
    }

    /** False when the lease was lost (another node took the delivery over): then nothing changes. */
    boolean recordSent(long id, String owner, Instant now) {
        return sql.write(c -> sql.update(c, "RecordSent", Args.of("id", id).and("owner", owner).and("now", now))) == 1;
    }

    boolean recordRetry(long id, String owner, String error, Instant nextAttempt) {
        Args args = Args.of("id", id).and("owner", owner).and("error", error).and("next_attempt_at", nextAttempt);
        return sql.write(c -> sql.update(c, "RecordRetry", args)) == 1;
    }

    /** @param attempted whether this ends an actual attempt (counts it) or settles the delivery without one */
    boolean recordFinal(long id, String owner, DeliveryStatus status, String error, boolean attempted) {
        Args args = Args.of("id", id).and("owner", owner).and("status", status.wire()).and("error", error)
                .and("attempted", attempted ? 1 : 0);
        return sql.write(c -> sql.update(c, "RecordFinalFailure", args)) == 1;
    }

    public List<Delivery> deliveries(long notificationId) {
        return sql.read(c -> sql.query(c, "DeliveriesOf", Args.of("notification_id", notificationId), rows::delivery));
    }

    // --- local mail outbox ---------------------------------------------------------------------------

    /** Idempotent per notification: a retried store after a crash keeps one message. */
    public void keepMail(Notification n, String recipient, String subject, String text, String html, Instant now) {
        Args args = Args.of("notification_id", n.id()).and("account_id", n.accountId()).and("user_id", n.userId())
                .and("recipient", recipient).and("subject", subject).and("text_body", text).and("html_body", html)
                .and("created_at", now);
        sql.write(c -> sql.update(c, "InsertOutboxMail", args));
    }

    /** Deletes webhook log rows and outbox messages older than {@code before}; returns how many. */
    int prune(Instant before) {
        return sql.write(c -> sql.update(c, "PruneWebhookLog", Args.of("before", before))
                + sql.update(c, "PruneOutbox", Args.of("before", before)));
    }

    public List<OutboxMail> outbox(String accountId, String userId, int limit) {
        Args args = Args.of("account_id", accountId).and("user_id", userId).and("limit", Math.clamp(limit, 1, MAX_LIMIT));
        return sql.read(c -> sql.query(c, "OutboxMails", args, rows::mail));
    }
}
