package dev.longrun.spring.api;

import org.springframework.web.bind.annotation.RequestMapping;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.longrun.Job;
import dev.longrun.JobCounts;
import dev.longrun.JobListing;
import dev.longrun.JobPage;
import dev.longrun.JobQuery;
import dev.longrun.Longrun;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Starting, reading and listing jobs: {@code POST /api/jobs/start}, {@code GET /api/jobs/{id}}, {@code GET /api/jobs}. */
@RestController
@RequestMapping(ApiPaths.BASE)
public class JobsController {

    private final Longrun longrun;
    private final JobAccess access;
    private final JobViews views;
    private final ParamsValidation validation;
    private final ApiPaths paths;

    public JobsController(Longrun longrun, JobAccess access, JobViews views, ParamsValidation validation, ApiPaths paths) {
        this.longrun = longrun;
        this.access = access;
        this.views = views;
        this.validation = validation;
        this.paths = paths;
    }

    @PostMapping(path = "/jobs/start", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> start(@AuthenticationPrincipal Caller caller,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @RequestBody JsonNode body) {
        caller.requireUnscoped("start jobs");
        StartRequests.StartRequest req = StartRequests.read(body);
        if (req.dependsOn() != null) {
            try {
                access.visible(caller, req.dependsOn());
            } catch (ApiProblem notFound) {
                throw ApiProblem.invalidField("depends_on", "depends_on names no job of yours (" + req.dependsOn() + ").");
            }
        }
        validation.check(req.type(), req.params());
        StartOptions options = StartOptions.forUser(caller.accountId(), caller.userId())
                .idempotencyKey(StartRequests.idempotencyKey(key)).dependsOn(req.dependsOn());
        StartResult started = longrun.start(req.type(), req.params(), options);
        return started(started);
    }

    static ResponseEntity<JobView> startedResponse(StartResult started, JobViews views, ApiPaths paths) {
        JobView view = views.view(started.job());
        URI location = paths.location("/jobs/" + started.job().id());
        if (started.created()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(view);
        }
        return ResponseEntity.ok().location(location).body(view);
    }

    private ResponseEntity<JobView> started(StartResult started) {
        return startedResponse(started, views, paths);
    }

    @GetMapping("/jobs/{id}")
    public ResponseEntity<JobView> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                       @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
        Job job = access.visible(caller, id);
        String etag = "\"" + job.version() + "\"";
        CacheControl revalidate = CacheControl.noCache().cachePrivate();
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(revalidate).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate).body(views.view(job));
    }

    /**
     * A GET of the POST-only actions beside {@code /jobs/{id}}: without this, {@code GET /jobs/start} reached
     * {@code GET /jobs/{id}} and was answered "'start' is not a job id". A literal path wins over the variable one, so
     * {@code /jobs/{id}} (and its metrics' {@code uri} tag) stays as it is. Not an operation, so not in the OpenAPI.
     */
    @Hidden
    @GetMapping({"/jobs/start", "/jobs/cancel-all", "/jobs/clear-finished"})
    public void postOnly(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        throw new HttpRequestMethodNotSupportedException(request.getMethod(), List.of("POST"));
    }

    @GetMapping("/jobs")
    public JobListView list(@AuthenticationPrincipal Caller caller,
                            @RequestParam(required = false) List<String> status,
                            @RequestParam(required = false) List<String> type,
                            @RequestParam(required = false) List<String> ids,
                            @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) String limit,
                            @RequestParam(required = false) String history,
                            @RequestParam(required = false) String counts) {
        caller.requireUser();
        Set<UUID> idFilter = JobListParams.ids(ids);
        if (caller.jobId() != null) {
            // A job token lists its own job only.
            if (!idFilter.isEmpty() && !idFilter.contains(caller.jobId())) {
                return new JobListView(List.of(), null, null);
            }
            idFilter = Set.of(caller.jobId());
        }
        if (cursor != null && cursor.length() > 500) {
            throw ApiProblem.invalidField("cursor", "cursor is not valid; use next_cursor from the previous page, or leave it out for the first page.");
        }
        JobQuery query = JobQuery.forUser(caller.accountId(), caller.userId())
                .withStatuses(JobListParams.statuses(status)).withTypes(JobListParams.types(type)).withIds(idFilter)
                .withCursor(cursor == null || cursor.isBlank() ? null : cursor)
                .withLimit(JobListParams.limit(limit, 50, JobQuery.MAX_LIMIT))
                .withHistory(JobListParams.history(history));
        // A job token may list its job but not count the person's jobs: it gets the page without counts.
        boolean withCounts = JobListParams.counts(counts) && caller.jobId() == null;
        JobPage page;
        JobCounts found = null;
        try {
            if (withCounts) {
                JobListing listing = longrun.listWithCounts(query);
                page = listing.page();
                found = listing.counts();
            } else {
                page = longrun.list(query);
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("cursor", "cursor is not valid; use next_cursor from the previous page, or leave it out for the first page.");
        }
        return new JobListView(page.jobs().stream().map(views::view).toList(), page.nextCursor(),
                found == null ? null : JobCountsView.of(found));
    }

    /**
     * How many of the caller's jobs are in each status of their list, and how many they cleared from it (still under
     * History), under the same type filter as the list: the counts on a jobs list's status tabs.
     */
    @GetMapping("/jobs/counts")
    public JobCountsView counts(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) List<String> type) {
        caller.requireUnscoped("count the person's jobs");
        return JobCountsView.of(longrun.countJobs(JobQuery.forUser(caller.accountId(), caller.userId()).withTypes(JobListParams.types(type))));
    }

    /** Whether an {@code If-None-Match} value names this ETag (or {@code *}); weak forms match, as for GET they should. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** Listed jobs per status ({@code pending, running, needs_action, succeeded, failed, cancelled}), their sum, and the cleared ones. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record JobCountsView(java.util.Map<String, Long> counts, long total, long cleared) {

        static JobCountsView of(JobCounts found) {
            java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
            found.listed().forEach((status, n) -> counts.put(status.value(), n));
            return new JobCountsView(counts, found.total(), found.cleared());
        }
    }

    /**
     * One page of the caller's jobs; {@code next_cursor} is null on the last page; {@code counts} only when asked
     * ({@code counts=true}), read at the same moment as the page.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record JobListView(List<JobView> jobs, String nextCursor,
                              @JsonInclude(JsonInclude.Include.NON_NULL) JobCountsView counts) {
    }
}
