package dev.longrun.notify;

import dev.longrun.store.NamedSql;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps the rows of the notification tables; the dialect's types come from {@link NamedSql}. */
final class Rows {

    private final NamedSql sql;

    Rows(NamedSql sql) {
        this.sql = sql;
    }

    Notification notification(ResultSet rs) throws SQLException {
        return new Notification(rs.getLong("id"), sql.uuid(rs, "job_id"), rs.getString("account_id"), rs.getString("user_id"),
                NotificationKind.fromWire(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), sql.instant(rs, "created_at"), sql.instant(rs, "planned_at"), sql.instant(rs, "read_at"),
                rs.getLong("version"));
    }

    Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("channel"),
                DeliveryStatus.fromWire(rs.getString("status")), rs.getInt("attempts"), sql.instant(rs, "next_attempt_at"),
                rs.getString("last_error"), sql.instant(rs, "sent_at"));
    }

    Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(sql.uuid(rs, "id"), rs.getString("account_id"), rs.getString("url"),
                WebhookFormat.fromWire(rs.getString("format")), rs.getString("secret"), rs.getBoolean("enabled"),
                rs.getString("disabled_reason"), rs.getInt("consecutive_failures"), sql.instant(rs, "created_at"));
    }

    WebhookAttempt attempt(ResultSet rs) throws SQLException {
        long notification = rs.getLong("notification_id");
        Long notificationId = rs.wasNull() ? null : notification;
        int code = rs.getInt("status_code");
        Integer statusCode = rs.wasNull() ? null : code;
        return new WebhookAttempt(rs.getLong("id"), sql.uuid(rs, "webhook_id"), notificationId, sql.instant(rs, "attempted_at"),
                rs.getInt("attempt"), statusCode, rs.getString("error"), rs.getLong("duration_ms"), rs.getBoolean("succeeded"));
    }

    Preference preference(ResultSet rs) throws SQLException {
        return new Preference(rs.getString("job_type"), PreferenceChannel.fromWire(rs.getString("channel")));
    }

    OutboxMail mail(ResultSet rs) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getLong("notification_id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), sql.instant(rs, "created_at"));
    }
}
