package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.LongrunException;
import dev.longrun.StartOptions;
import dev.longrun.StartResult;
import dev.longrun.event.JobEvent;
import dev.longrun.store.InsertOutcome;
import dev.longrun.store.JobStore;
import dev.longrun.store.NewJob;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Starts jobs: validates the request (type, params, owner, key), then inserts it or returns the active
 * job that holds the same idempotency key. Nothing is written when validation fails.
 */
final class JobStarter {

    private final Map<String, JobType<?>> types;
    private final JobStore store;
    private final ParamsBinder json;
    private final Clock clock;
    private final Consumer<List<JobEvent>> publisher;
    private final Maintenance dependencies;
    private final BiFunction<JobType<?>, JsonNode, Long> expectedDuration;

    JobStarter(NodeContext node, Maintenance dependencies, BiFunction<JobType<?>, JsonNode, Long> expectedDuration) {
        this.types = node.types();
        this.store = node.store();
        this.json = node.json();
        this.clock = node.clock();
        this.publisher = node.publish();
        this.dependencies = dependencies;
        this.expectedDuration = expectedDuration;
    }

    StartResult start(String typeName, Object params, StartOptions options) {
        JobType<?> type = typeOf(typeName);
        checkOwner(options);
        String key = checkKey(options.idempotencyKey());
        JsonNode tree = json.toTree(params);
        json.bind(tree, type.paramsType());
        String canonical = json.canonical(tree);
        Job dependency = dependencyOf(options);

        Instant now = clock.instant();
        UUID id = Ids.timeOrdered(now);
        NewJob job = new NewJob(id, options.accountId(), options.userId(), type.name(), type.queue(), options.priority(),
                canonical, IdempotencyKeys.scopedKey(options.accountId(), options.userId(), key, type.name(), canonical),
                IdempotencyKeys.fingerprint(type.name(), canonical, options.dependsOn()), type.retryPolicy().maxAttempts(),
                type.timeout() == null ? null : type.timeout().toSeconds(), type.cancellable(), options.dependsOn(),
                dependency != null && dependency.status() != JobStatus.SUCCEEDED ? dependency.id() : null,
                options.retryOf(), options.runAfter() != null ? options.runAfter() : now, now,
                expectedDuration.apply(type, tree));
        InsertOutcome outcome = store.insert(job);
        if (!outcome.created()) {
            if (key != null && !job.requestFingerprint().equals(outcome.requestFingerprint())) {
                throw LongrunException.keyReused(key, outcome.job());
            }
            return new StartResult(outcome.job(), false);
        }
        Job created = outcome.job();
        if (dependency != null && dependency.isTerminal() && dependency.status() != JobStatus.SUCCEEDED) {
            created = store.failPending(created.id(), dependencies.dependencyFailedMessage(dependency, dependency.id()), "dependency_failed", now)
                    .orElse(created);
        }
        publisher.accept(List.of(new JobEvent(created.id(), created.version(), created.accountId(), created.userId(), created.status())));
        return new StartResult(created, true);
    }

    private JobType<?> typeOf(String name) {
        JobType<?> type = name == null ? null : types.get(name);
        if (type == null) {
            throw LongrunException.unknownType(name, types.keySet().stream().sorted().toList());
        }
        return type;
    }

    private static void checkOwner(StartOptions options) {
        if (options == null || options.userId() == null || options.userId().isBlank()) {
            throw new LongrunException("invalid_owner", "A job needs the user who starts it (StartOptions.forUser(account, user)).");
        }
    }

    private static String checkKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank()) {
            throw new LongrunException("invalid_idempotency_key", "The Idempotency-Key is empty. Send a unique value per request (e.g. a UUID), or leave the header out.");
        }
        if (key.length() > StartOptions.MAX_KEY_LENGTH) {
            throw new LongrunException("invalid_idempotency_key", "The Idempotency-Key is " + key.length()
                    + " characters long; the limit is " + StartOptions.MAX_KEY_LENGTH + ". Use a shorter value such as a UUID.");
        }
        return key;
    }

    private Job dependencyOf(StartOptions options) {
        if (options.dependsOn() == null) {
            return null;
        }
        Optional<Job> dep = store.find(options.dependsOn())
                .filter(j -> j.userId().equals(options.userId()) && java.util.Objects.equals(j.accountId(), options.accountId()));
        return dep.orElseThrow(() -> LongrunException.invalidParams("depends_on: there is no job " + options.dependsOn()
                + " of yours to wait for. Start that job first, or leave depends_on out."));
    }
}
