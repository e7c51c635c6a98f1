package dev.longrun.spring.api;

import dev.longrun.Eta;
import dev.longrun.Insight;
import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.Longrun;
import dev.longrun.ResultFile;
import dev.longrun.history.JobHistory;
import dev.longrun.spring.files.ResultLinks;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping from a stored {@link Job} (plus its {@link Insight}) to the {@link JobView} clients see; used by
 * the REST controllers and the event streams alike, so both always agree.
 */
public final class JobViews {

    private static final Logger log = LoggerFactory.getLogger(JobViews.class);

    private final Longrun longrun;
    private final ResultLinks links;
    private final JobHistory history;

    public JobViews(Longrun longrun, ResultLinks links, JobHistory history) {
        this.longrun = longrun;
        this.links = links;
        this.history = history;
    }

    public JobView view(Job job) {
        Insight insight = job.isTerminal() ? Insight.NONE : insight(job);
        return new JobView(job.id(), job.type(), longrun.jobType(job.type()).map(JobType::label).orElse(job.type()),
                job.status().value(), job.status().label(), job.progressPct(), job.progressCurrent(), job.progressTotal(),
                job.progressMessage(), job.currentStep(), job.totalSteps(), insight.queuePosition(), insight.queueSize(),
                insight.queueMoreThan(), job.waitingFor(), job.createdAt(), job.startedAt(), job.completedAt(), job.updatedAt(),
                job.runAfter(),
                job.estimatedDurationSeconds(), eta(insight.eta()), eta(insight.startEta()), job.attempt(), job.maxAttempts(),
                job.cancellable() && !job.isTerminal(), job.cancelRequested(), job.params(), result(job),
                job.errorMessage(), job.errorCode() == null ? null : new JobView.ErrorView(job.errorCode(), job.errorRetryable()),
                job.summary() == null ? null : new JobView.SummaryView(job.summary().succeeded(), job.summary().failed(),
                        job.summary().skipped(), job.summary().warnings()),
                job.status() == JobStatus.NEEDS_ACTION && job.action() != null
                        ? new JobView.ActionView(job.action().kind(), job.action().message(), job.action().preview()) : null,
                job.dependsOn(), job.retryOf(), job.heartbeatAt(), runSeconds(job), job.hiddenAt(), job.version());
    }

    /**
     * How long a finished job ran, over all its attempts: one attempt is its start to its end; a retried job (or one
     * stopped while it waited to retry) sums its attempts from its history, so the wait between them is not counted.
     */
    private Double runSeconds(Job job) {
        if (!job.isTerminal() || job.startedAt() == null || job.completedAt() == null) {
            return null;
        }
        boolean oneRun = job.attempt() <= 1 && job.status() != JobStatus.CANCELLED;
        Duration ran = oneRun ? Duration.between(job.startedAt(), job.completedAt()) : history.runTime(job.id());
        return Math.max(0, ran.toMillis()) / 1000.0;
    }

    private Insight insight(Job job) {
        try {
            Insight i = longrun.insight(job);
            return i == null ? Insight.NONE : i;
        } catch (RuntimeException e) {
            // An estimate is a nicety: a failed one must not hide the job itself.
            log.debug("No insight for job {}: {}", job.id(), e.toString());
            return Insight.NONE;
        }
    }

    private JobView.ResultView result(Job job) {
        JobResult r = job.result();
        if (r == null) {
            return null;
        }
        ResultFile f = r.file();
        if (f == null) {
            return new JobView.ResultView(r.message(), null, null, null, null, null, null, r.data());
        }
        ResultLinks.Link link = job.status() == JobStatus.SUCCEEDED && longrun.results().exists(f) ? links.mint(job) : null;
        return new JobView.ResultView(r.message(), link == null ? null : link.url(), link == null ? null : link.expiresAt(),
                f.filename(), f.sizeBytes(), f.rowCount(), f.contentType(), r.data());
    }

    private static JobView.EtaView eta(Eta eta) {
        return eta == null ? null : new JobView.EtaView(eta.lowSeconds(), eta.highSeconds(), eta.text());
    }
}
