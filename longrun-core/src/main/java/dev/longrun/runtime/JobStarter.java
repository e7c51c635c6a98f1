package dev.longrun.runtime;

import dev.longrun.Job;
import dev.longrun.JobStatus;
import dev.longrun.JobType;
import dev.longrun.LongrunException;
import dev.longrun.StartOptions;
import dev.longrun.StartRequest;
import dev.longrun.StartResult;
import dev.longrun.event.JobEvent;
import dev.longrun.store.InsertOutcome;
import dev.longrun.store.JobStore;
import dev.longrun.store.NewJob;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Starts jobs: validates the request (type, params, owner, key), then inserts it or returns the job that holds the
 * same idempotency key: a client's key for {@code keyLifetime} whatever the job's state, a key derived from the
 * request while its job is active. Nothing is written when validation fails. Single starts that arrive together are
 * inserted together; {@link #startAll} inserts a whole batch in one transaction.
 */
final class JobStarter {

    private final Map<String, JobType<?>> types;
    private final JobStore store;
    private final ParamsBinder json;
    private final Clock clock;
    private final Duration keyLifetime;
    private final Consumer<List<JobEvent>> publisher;
    private final Maintenance dependencies;
    private final BiFunction<JobType<?>, JsonNode, Long> expectedDuration;
    private final GroupCommit<NewJob, InsertOutcome> inserts;

    JobStarter(NodeContext node, Duration keyLifetime, Maintenance dependencies,
               BiFunction<JobType<?>, JsonNode, Long> expectedDuration) {
        this.types = node.types();
        this.store = node.store();
        this.json = node.json();
        this.clock = node.clock();
        this.keyLifetime = keyLifetime;
        this.publisher = node.publish();
        this.dependencies = dependencies;
        this.expectedDuration = expectedDuration;
        this.inserts = new GroupCommit<>("longrun-start", store::insertEach);
    }

    /** A validated request, ready to insert. */
    private record Prepared(NewJob job, String key, Job dependency, Instant now) {
    }

    StartResult start(String typeName, Object params, StartOptions options) {
        Prepared p = prepare(typeName, params, options);
        InsertOutcome outcome = insertGrouped(p.job());
        List<JobEvent> events = new ArrayList<>(1);
        StartResult result = settle(p, outcome, events);
        publisher.accept(events);
        return result;
    }

    /**
     * Starts many jobs: every request is validated first (nothing is written if one is invalid), then all are inserted
     * in one transaction, one statement per thousand. Each honours its idempotency key as {@link #start} does; a key
     * reused with other params refuses the whole call, and nothing of it is written.
     */
    List<StartResult> startAll(List<StartRequest> requests) {
        List<Prepared> prepared = new ArrayList<>(requests.size());
        for (StartRequest r : requests) {
            prepared.add(prepare(r.type(), r.params(), r.options()));
        }
        List<InsertOutcome> outcomes = store.insertAll(prepared.stream().map(Prepared::job).toList(), inserted -> {
            for (int i = 0; i < inserted.size(); i++) {
                refuseReusedKey(prepared.get(i), inserted.get(i));
            }
        });
        List<JobEvent> events = new ArrayList<>(requests.size());
        List<StartResult> results = new ArrayList<>(requests.size());
        for (int i = 0; i < prepared.size(); i++) {
            results.add(settle(prepared.get(i), outcomes.get(i), events));
        }
        publisher.accept(events);
        return results;
    }

    private Prepared prepare(String typeName, Object params, StartOptions options) {
        JobType<?> type = typeOf(typeName);
        checkOwner(options);
        String key = checkKey(options.idempotencyKey());
        JsonNode tree = json.toTree(params);
        Object bound = json.bind(tree, type.paramsType());
        String canonical = json.canonical(tree);
        Instant now = clock.instant();
        String scopedKey = IdempotencyKeys.scopedKey(options.accountId(), options.userId(), key, type.name(), canonical);
        checkParams(type, bound, options, () -> key != null && store.clientKeyHeld(scopedKey, now));
        Job dependency = dependencyOf(options);

        UUID id = Ids.timeOrdered(now);
        NewJob job = new NewJob(id, options.accountId(), options.userId(), type.name(), type.queue(), options.priority(),
                canonical, scopedKey,
                IdempotencyKeys.fingerprint(type.name(), canonical, options.dependsOn()), type.retryPolicy().maxAttempts(),
                type.timeout() == null ? null : type.timeout().toSeconds(), type.cancellable(), options.dependsOn(),
                dependency != null && dependency.status() != JobStatus.SUCCEEDED ? dependency.id() : null,
                options.retryOf(), options.runAfter() != null ? options.runAfter() : now, now,
                expectedDuration.apply(type, tree), key == null ? null : now.plus(keyLifetime));
        return new Prepared(job, key, dependency, now);
    }

    /**
     * Concurrent single starts share one statement and its commit (one round trip on PostgreSQL): the round trips and
     * the commit's flush are what a start costs. A job the group left out (its key is held) and a failed group (e.g.
     * the database hiccupped) are inserted one by one, so each caller gets exactly the answer a start of its own would.
     */
    private InsertOutcome insertGrouped(NewJob job) {
        try {
            InsertOutcome grouped = inserts.submit(job).get();
            return grouped != null ? grouped : store.insert(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return store.insert(job);
        } catch (java.util.concurrent.ExecutionException e) {
            return store.insert(job);
        }
    }

    private static void refuseReusedKey(Prepared p, InsertOutcome outcome) {
        if (!outcome.created() && p.key() != null && !p.job().requestFingerprint().equals(outcome.requestFingerprint())) {
            throw LongrunException.keyReused(p.key(), outcome.job());
        }
    }

    private StartResult settle(Prepared p, InsertOutcome outcome, List<JobEvent> events) {
        refuseReusedKey(p, outcome);
        if (!outcome.created()) {
            return new StartResult(outcome.job(), false);
        }
        Job created = outcome.job();
        Job dependency = p.dependency();
        if (dependency != null && dependency.isTerminal() && dependency.status() != JobStatus.SUCCEEDED) {
            created = store.failPending(created.id(), dependencies.dependencyFailedMessage(dependency, dependency.id()), "dependency_failed", p.now())
                    .orElse(created);
        }
        events.add(new JobEvent(created.id(), created.version(), created.accountId(), created.userId(), created.status()));
        return new StartResult(created, true);
    }

    void close() {
        inserts.close();
    }

    private JobType<?> typeOf(String name) {
        JobType<?> type = name == null ? null : types.get(name);
        if (type == null) {
            throw LongrunException.unknownType(name, types.keySet().stream().sorted().toList());
        }
        return type;
    }

    /**
     * Runs the type's check of the params for the starting user. A refusal stands unless the client's key already
     * started a job ({@code keyHeld}, asked only then): that start then answers with its job (or refuses a different
     * request under the key), as a repeat must get what the first call got even after what the check looks at has
     * changed (an upload expired since).
     */
    private static <P> void checkParams(JobType<P> type, Object bound, StartOptions options, java.util.function.BooleanSupplier keyHeld) {
        if (type.paramsCheck() == null) {
            return;
        }
        try {
            type.paramsCheck().check(type.paramsType().cast(bound), options.accountId(), options.userId());
        } catch (LongrunException refused) {
            if (!keyHeld.getAsBoolean()) {
                throw refused;
            }
        }
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
