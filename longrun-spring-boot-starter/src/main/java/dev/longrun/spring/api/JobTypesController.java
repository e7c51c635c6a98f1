package dev.longrun.spring.api;

import org.springframework.web.bind.annotation.RequestMapping;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.TypeWords;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/job-types}: what can be started, with labels, typical durations and the words the status screens
 * use for each type (its icon, "Exporting contacts", "Export complete", its items), for forms, the dashboard and the
 * web components.
 */
@RestController
@RequestMapping(ApiPaths.BASE)
public class JobTypesController {

    private final Longrun longrun;

    public JobTypesController(Longrun longrun) {
        this.longrun = longrun;
    }

    @GetMapping("/job-types")
    public JobTypesView jobTypes() {
        return new JobTypesView(longrun.jobTypes().stream().sorted(Comparator.comparing(JobType::name)).map(JobTypesController::view).toList());
    }

    private static JobTypeView view(JobType<?> t) {
        TypicalDuration range = t.typicalMin() == null && t.typicalMax() == null ? null
                : new TypicalDuration(t.typicalMin() == null ? null : t.typicalMin().toSeconds(), t.typicalMax() == null ? null : t.typicalMax().toSeconds());
        TypeWords w = t.words();
        WordsView words = w == null ? null
                : new WordsView(w.icon(), w.running(), w.done(), w.noun(), w.items(), w.itemsDone(), w.itemsFailed(), w.startOver());
        return new JobTypeView(t.name(), t.label(), t.queue(), t.cancellable(), t.cancelEffect(), t.retryEffect(), t.retryPolicy().maxAttempts(),
                t.timeout() == null ? null : t.timeout().toSeconds(), range, t.retryFailedParams() != null, words);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record JobTypesView(List<JobTypeView> jobTypes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record JobTypeView(String name, String label, String queue, boolean cancellable, String cancelEffect, String retryEffect, int maxAttempts,
                              Long timeoutSeconds, TypicalDuration typicalDuration, boolean retryFailed, WordsView words) {
    }

    /** How the status screens speak of the type; null parts fall back to the label and neutral words. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record WordsView(String icon, String running, String done, String noun, String items, String itemsDone,
                            String itemsFailed, String startOver) {
    }

    /** Typical duration range in seconds, before there is history. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TypicalDuration(Long minSeconds, Long maxSeconds) {
    }
}
