package dev.longrun.spring.api;

import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.Longrun;
import dev.longrun.spring.security.Caller;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** What a person does to jobs: cancel, retry, retry the failed items, confirm, and the dashboard's bulk actions. */
@RestController
@RequestMapping(ApiPaths.BASE)
public class JobActionsController {

    private final Longrun longrun;
    private final JobAccess access;
    private final JobViews views;
    private final ApiPaths paths;

    public JobActionsController(Longrun longrun, JobAccess access, JobViews views, ApiPaths paths) {
        this.longrun = longrun;
        this.access = access;
        this.views = views;
        this.paths = paths;
    }

    /** Idempotent: cancelled at once when queued, {@code cancel_requested} while running, unchanged when finished. */
    @PostMapping("/jobs/{id}/cancel")
    public JobView cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        access.visible(caller, id);
        return views.view(longrun.cancel(id));
    }

    /** A new job with the same params ({@code retry_of} set); only for failed or cancelled jobs (else 409). */
    @PostMapping("/jobs/{id}/retry")
    public ResponseEntity<JobView> retry(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        access.visible(caller, id);
        caller.requireUnscoped("start a new job");
        return JobsController.startedResponse(longrun.retry(id), views, paths);
    }

    @PostMapping("/jobs/{id}/retry-failed")
    public ResponseEntity<JobView> retryFailed(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        access.visible(caller, id);
        caller.requireUnscoped("start a new job");
        return JobsController.startedResponse(longrun.retryFailed(id), views, paths);
    }

    /** needs_action → continue (e.g. import the valid rows). Idempotent. */
    @PostMapping("/jobs/{id}/confirm")
    public JobView confirm(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        access.visible(caller, id);
        return views.view(longrun.confirm(id));
    }

    @PostMapping("/jobs/cancel-all")
    public CancelAllView cancelAll(@AuthenticationPrincipal Caller caller) {
        caller.requireUnscoped("act on all your jobs");
        List<UUID> ids = longrun.cancelAll(caller.accountId(), caller.userId());
        return new CancelAllView(ids.size(), ids);
    }

    @PostMapping("/jobs/clear-finished")
    public ClearFinishedView clearFinished(@AuthenticationPrincipal Caller caller) {
        caller.requireUnscoped("act on all your jobs");
        return new ClearFinishedView(longrun.clearFinished(caller.accountId(), caller.userId()));
    }

    /** How many active jobs were cancelled or asked to stop, and which (the list follows them until they stop). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CancelAllView(int cancelled, List<UUID> ids) {
    }

    /** How many finished jobs were hidden from the list (they stay in its history until retention). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ClearFinishedView(int hidden) {
    }
}
