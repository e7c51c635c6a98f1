package dev.longrun.spring.api;

import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobItem;
import dev.longrun.Longrun;
import dev.longrun.ResultFile;
import dev.longrun.history.JobHistory;
import dev.longrun.spring.files.ResultLinks;
import dev.longrun.spring.problem.ApiProblem;
import dev.longrun.spring.security.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A job's details behind "Show details": logs, item outcomes (JSON or CSV), and fresh result links. */
@RestController
@RequestMapping(ApiPaths.BASE)
public class JobDetailsController {

    private static final int MAX_LOGS = 1000;
    private static final int MAX_ITEMS = 10_000;

    private final Longrun longrun;
    private final JobAccess access;
    private final ResultLinks links;
    private final JobHistory history;

    public JobDetailsController(Longrun longrun, JobAccess access, ResultLinks links, JobHistory history) {
        this.longrun = longrun;
        this.access = access;
        this.links = links;
        this.history = history;
    }

    /** What happened, oldest first: queued, each attempt's start and outcome, retries' backoff, decisions, steps, the end. */
    @GetMapping("/jobs/{id}/timeline")
    public TimelineView timeline(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        access.visible(caller, id);
        return new TimelineView(history.events(id, JobHistory.MAX_EVENTS).stream()
                .map(e -> new EventView(e.kind(), e.status(), e.fromStatus(), e.attempt(), e.at(), e.attemptStartedAt(), e.message(),
                        e.runAfter(), e.step(), e.totalSteps())).toList());
    }

    @GetMapping("/jobs/{id}/logs")
    public LogsView logs(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @RequestParam(required = false) String limit) {
        access.visible(caller, id);
        return new LogsView(longrun.logs(id, JobListParams.limit(limit, 200, MAX_LOGS)).stream()
                .map(l -> new LogView(l.id(), l.level().name().toLowerCase(Locale.ROOT), l.message(), l.timestamp())).toList());
    }

    /** JSON by default; CSV (a spreadsheet of e.g. the failed rows) with {@code Accept: text/csv} or {@code format=csv}. */
    @GetMapping("/jobs/{id}/items")
    public ResponseEntity<?> items(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
                                   @RequestParam(required = false) String status, @RequestParam(required = false) String limit,
                                   @RequestParam(required = false) String offset, @RequestParam(required = false) String format,
                                   @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        access.visible(caller, id);
        ItemStatus filter = itemStatus(status);
        boolean csv = format != null ? csvFormat(format) : accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
        // A spreadsheet holds every item by default (a person downloads "all the problems"); JSON comes in pages.
        int max = JobListParams.limit(limit, csv ? MAX_ITEMS : 1000, MAX_ITEMS);
        int skip = offset(offset);
        // One more than asked tells whether another page follows, without counting them all.
        List<JobItem> found = longrun.items(id, filter, skip, max + 1);
        List<JobItem> items = found.size() > max ? found.subList(0, max) : found;
        if (!csv) {
            return ResponseEntity.ok(new ItemsView(items.stream()
                    .map(i -> new ItemView(i.key(), i.status().value(), i.message(), i.detail(), i.retryable(), i.createdAt())).toList(),
                    found.size() > max ? skip + max : null));
        }
        String name = "job-" + id + "-items" + (filter == null ? "" : "-" + filter.value()) + ".csv";
        byte[] body = ItemsCsv.write(items).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).contentLength(body.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    /** A fresh signed download link for the job's result file. */
    @PostMapping("/jobs/{id}/result-link")
    public ResultLinkView resultLink(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        Job job = access.visible(caller, id);
        ResultFile file = job.result() == null ? null : job.result().file();
        if (file == null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "no_result", "Job " + id + " has no result file"
                    + (job.isTerminal() ? "." : " yet: it is " + job.status().label().toLowerCase(Locale.ROOT) + ". Ask again when it has completed."));
        }
        if (!longrun.results().exists(file)) {
            throw new ApiProblem(HttpStatus.GONE, "result_deleted", "The result file of job " + id
                    + " is no longer kept (result files are deleted some time after the job ends). Run the job again to get a new file.");
        }
        ResultLinks.Link link = links.mint(job);
        return new ResultLinkView(link.url(), link.expiresAt(), file.filename(), file.sizeBytes(), file.rowCount(), file.contentType());
    }

    /** {@code offset}: how many items to skip, 0 or more (default 0). */
    private static int offset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiProblem.invalidField("offset", "offset must be a whole number of items to skip, 0 or more; was '" + value + "'.");
    }

    private static ItemStatus itemStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ItemStatus.fromValue(status.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("status", "Unknown item status '" + status + "'; use succeeded, failed, skipped or warning.");
        }
    }

    private static boolean csvFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> true;
            case "json" -> false;
            default -> throw ApiProblem.invalidField("format", "format must be csv or json.");
        };
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LogView(long id, String level, String message, Instant timestamp) {
    }

    public record LogsView(List<LogView> logs) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EventView(String kind, String status, String fromStatus, int attempt, Instant at, Instant attemptStartedAt,
                            String message, Instant runAfter, Integer step, Integer totalSteps) {
    }

    public record TimelineView(List<EventView> events) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    /** {@code retryable}: of a failed item, false when a retry cannot succeed until something is fixed; else true or null. */
    public record ItemView(String key, String status, String message, JsonNode detail, Boolean retryable, Instant createdAt) {
    }

    /** {@code next_offset}: the offset of the next page, null on the last one. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ItemsView(List<ItemView> items, Integer nextOffset) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResultLinkView(String url, Instant expiresAt, String filename, long sizeBytes, Long rowCount, String contentType) {
    }
}
