package dev.longrun.spring.notify;

import dev.longrun.Job;
import dev.longrun.Longrun;
import dev.longrun.notify.Notification;
import dev.longrun.spring.api.JobView;
import dev.longrun.notify.NotificationStore;
import dev.longrun.notify.NotificationText;
import dev.longrun.notify.PreferenceChannel;
import dev.longrun.notify.PreferenceStore;
import dev.longrun.notify.Rendered;
import dev.longrun.spring.problem.ApiProblem;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Turns notifications into {@link NotificationView}s for the API, and the job frames of user event streams into
 * {@code notification} frames: when a stream sends a job's new outcome, the notification that outcome produced follows
 * (on every node, since job events reach every node), unless the user chose email only for that type.
 */
public final class NotificationViews {

    private static final java.util.Set<String> NOTIFYING = java.util.Set.of("succeeded", "failed", "needs_action", "cancelled");

    private final Longrun longrun;
    private final NotificationStore store;
    private final NotificationText text;

    public NotificationViews(Longrun longrun, NotificationStore store, NotificationText text) {
        this.longrun = longrun;
        this.store = store;
        this.text = text;
    }

    public NotificationView view(Notification n) {
        Job job = longrun.get(n.jobId()).orElse(null);
        Notification shown = n;
        if (n.plannedAt() == null) {
            Rendered r = text.render(n, job);
            shown = new Notification(n.id(), n.jobId(), n.accountId(), n.userId(), n.kind(), r.title(), r.body(), r.link(),
                    n.createdAt(), null, n.readAt(), n.version());
        }
        return NotificationView.of(shown, job == null ? null : job.type());
    }

    public List<NotificationView> views(List<Notification> list) {
        return list.stream().map(this::view).toList();
    }

    static ApiProblem notFound(long id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", "No notification with id " + id + ".");
    }

    /** The frames to send after a job frame on a user stream: the notification of this outcome, if it has one. */
    public List<SseEmitter.SseEventBuilder> framesAfter(JobView view) {
        if (!NOTIFYING.contains(view.status())) {
            return List.of();
        }
        Job job = longrun.get(view.id()).orElse(null);
        if (job == null || job.version() != view.version()) {
            return List.of(); // changed again since this frame: the newer frame brings its own notification
        }
        Optional<Notification> latest = store.ofJob(job.id()).stream()
                .filter(n -> n.kind().status() == job.status() && !n.createdAt().isBefore(job.updatedAt()))
                .findFirst();
        if (latest.isEmpty() || latest.get().read()
                || PreferenceStore.resolve(store.preferences().of(job.accountId(), job.userId()), job.type()) == PreferenceChannel.EMAIL) {
            return List.of();
        }
        return List.of(SseEmitter.event().name("notification").data(view(latest.get()), org.springframework.http.MediaType.APPLICATION_JSON));
    }
}
