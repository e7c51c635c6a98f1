package dev.longrun.runtime;

import dev.longrun.ItemStatus;
import dev.longrun.Job;
import dev.longrun.JobItem;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.LongrunException;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import dev.longrun.event.JobEvent;
import dev.longrun.result.ResultStore;
import dev.longrun.store.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a user may do to an existing job. Each action is idempotent and names the state it expects;
 * when a race moves the job first, it looks again and answers for the job's real state.
 */
final class UserActions {

    private static final Logger log = LoggerFactory.getLogger(UserActions.class);
    private static final int RACE_RETRIES = 5;

    private final Map<String, JobType<?>> types;
    private final JobStore store;
    private final ResultStore results;
    private final ParamsBinder json;
    private final Clock clock;
    private final JobStarter starter;
    private final RunningJobs localRuns;
    private final Consumer<List<JobEvent>> publisher;

    UserActions(NodeContext node, JobStarter starter, RunningJobs localRuns) {
        this.types = node.types();
        this.store = node.store();
        this.results = node.results();
        this.json = node.json();
        this.clock = node.clock();
        this.starter = starter;
        this.localRuns = localRuns;
        this.publisher = node.publish();
    }

    Job cancel(UUID id) {
        for (int i = 0; i < RACE_RETRIES; i++) {
            Job job = load(id);
            Instant now = clock.instant();
            Optional<Job> changed = switch (job.status()) {
                case PENDING -> store.cancelPending(id, now);
                case NEEDS_ACTION -> store.cancelNeedsAction(id, now).map(this::deleteFiles);
                case RUNNING -> requestCancel(job, now);
                case SUCCEEDED, FAILED, CANCELLED -> Optional.of(job);
            };
            if (changed.isPresent()) {
                if (changed.get().version() != job.version()) {
                    publish(changed.get());
                }
                return changed.get();
            }
        }
        return load(id);
    }

    private Optional<Job> requestCancel(Job job, Instant now) {
        if (!job.cancellable()) {
            throw LongrunException.conflict(label(job) + " can't be cancelled once it has started. It will finish on its own.");
        }
        if (job.cancelRequested()) {
            return Optional.of(job);
        }
        Optional<Job> changed = store.requestCancel(job.id(), now);
        RunContext<?> local = localRuns.get(job.id());
        if (local != null && changed.isPresent()) {
            local.requestCancel();
        }
        return changed;
    }

    StartResult retry(UUID id) {
        Job job = load(id);
        if (job.status() != JobStatus.FAILED && job.status() != JobStatus.CANCELLED) {
            throw LongrunException.conflict("Only a failed or cancelled job can be retried; this one is "
                    + job.status().label().toLowerCase(Locale.ROOT) + ".");
        }
        return starter.start(job.type(), job.params(), StartOptions.forUser(job.accountId(), job.userId()).retryOf(job.id()));
    }

    StartResult retryFailed(UUID id) {
        Job job = load(id);
        JobType<?> type = types.get(job.type());
        if (type == null || type.retryFailedParams() == null) {
            throw LongrunException.conflict(label(job) + " can't retry only its failed items; retry the whole job instead.");
        }
        if (!job.isTerminal()) {
            throw LongrunException.conflict("The job is still " + job.status().label().toLowerCase(Locale.ROOT) + "; wait until it finishes to retry its failed items.");
        }
        List<JobItem> failed = store.records().items(id, ItemStatus.FAILED, 100_000);
        if (failed.isEmpty()) {
            throw LongrunException.conflict("This job has no failed items to retry.");
        }
        return startOverItems(job, type, failed);
    }

    private <P> StartResult startOverItems(Job job, JobType<P> type, List<JobItem> failed) {
        P original = json.bind(job.params(), type.paramsType());
        P params = type.retryFailedParams().apply(original, failed);
        return starter.start(job.type(), params, StartOptions.forUser(job.accountId(), job.userId()).retryOf(job.id()));
    }

    Job confirm(UUID id) {
        for (int i = 0; i < RACE_RETRIES; i++) {
            Job job = load(id);
            if (job.status() != JobStatus.NEEDS_ACTION) {
                if (job.confirmed()) {
                    return job;
                }
                throw LongrunException.conflict("This job is not waiting for a confirmation; it is "
                        + job.status().label().toLowerCase(Locale.ROOT) + ".");
            }
            Optional<Job> changed = store.confirm(id, clock.instant());
            if (changed.isPresent()) {
                publish(changed.get());
                return changed.get();
            }
        }
        return load(id);
    }

    List<UUID> cancelAll(String accountId, String userId) {
        List<UUID> affected = new ArrayList<>();
        for (UUID id : store.activeJobIds(accountId, userId)) {
            try {
                cancel(id);
                affected.add(id);
            } catch (LongrunException e) {
                log.debug("Job {} not cancelled: {}", id, e.getMessage());
            }
        }
        return affected;
    }

    /** Hides, never deletes: results, items and notifications stay reachable until retention (issue 11). */
    int clearFinished(String accountId, String userId) {
        return store.hideFinished(accountId, userId, clock.instant()).size();
    }

    private Job deleteFiles(Job job) {
        try {
            results.deleteJobFiles(job.id());
        } catch (Exception e) {
            log.warn("Could not delete files of cancelled job {}", job.id(), e);
        }
        return job;
    }

    private Job load(UUID id) {
        return store.find(id).orElseThrow(() -> LongrunException.notFound(id));
    }

    private String label(Job job) {
        JobType<?> type = types.get(job.type());
        return type != null ? type.label() : job.type();
    }

    private void publish(Job j) {
        publisher.accept(List.of(new JobEvent(j.id(), j.version(), j.accountId(), j.userId(), j.status())));
    }
}
