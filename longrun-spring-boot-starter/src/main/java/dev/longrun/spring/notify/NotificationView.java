package dev.longrun.spring.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.longrun.notify.Notification;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A notification as the inbox API and the {@code notification} SSE event show it. Built by {@link NotificationViews},
 * which renders the text of one the dispatcher has not planned yet, so the inbox never shows a placeholder.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NotificationView(long id, UUID jobId, String jobType, String kind, String title, String body, String link,
                               Instant createdAt, Instant readAt) {

    @JsonProperty("read")
    public boolean read() {
        return readAt != null;
    }

    static NotificationView of(Notification n, String jobType) {
        return new NotificationView(n.id(), n.jobId(), jobType, n.kind().wire(), n.title(), n.body(), n.link(), n.createdAt(), n.readAt());
    }
}
