package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Inserts many jobs in one transaction, one statement per {@value #CHUNK} ({@code InsertJobs}), each job exactly as a
 * single insert would: created, or the active job that holds its key (read with one {@code FindActiveByKeys} per
 * chunk); jobs with a client's Idempotency-Key go through the key table ({@link IdempotencyKeyRecords}). Used by {@code startAll} and by the starter, which groups concurrent single starts into one transaction.
 */
final class JobInserts {

    static final int CHUNK = 1_000;
    private static final int ATTEMPTS = 10;

    private final Database db;
    private final RowReader rows;
    private final IdempotencyKeyRecords keys;

    JobInserts(Database db, RowReader rows, IdempotencyKeyRecords keys) {
        this.db = db;
        this.rows = rows;
        this.keys = keys;
    }

    List<InsertOutcome> insertAll(List<NewJob> jobs, Consumer<List<InsertOutcome>> beforeCommit) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            InsertOutcome[] out = new InsertOutcome[jobs.size()];
            insertKeyed(c, jobs, out);
            List<Integer> todo = IntStream.range(0, jobs.size()).filter(i -> jobs.get(i).keyExpiresAt() == null).boxed().toList();
            // A key's holder may finish between the insert and the read: then the key is free, insert that job again.
            for (int attempt = 0; attempt < ATTEMPTS && !todo.isEmpty(); attempt++) {
                List<Integer> again = new ArrayList<>();
                for (int from = 0; from < todo.size(); from += CHUNK) {
                    List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                    List<NewJob> batch = chunk.stream().map(jobs::get).toList();
                    Map<UUID, Job> inserted = new HashMap<>();
                    for (Job j : db.query(c, "InsertJobs", params(batch), rows::job)) {
                        inserted.put(j.id(), j);
                    }
                    LinkedHashSet<String> heldKeys = new LinkedHashSet<>();
                    for (NewJob job : batch) {
                        if (!inserted.containsKey(job.id())) {
                            if (job.idempotencyKey() == null) {
                                throw LongrunException.conflict("A job with id " + job.id() + " already exists.");
                            }
                            heldKeys.add(job.idempotencyKey());
                        }
                    }
                    Map<String, InsertOutcome> holders = new HashMap<>();
                    if (!heldKeys.isEmpty()) {
                        Params keys = Params.of("idempotency_keys", SqlList.of(SqlList.Type.TEXT, List.copyOf(heldKeys)));
                        for (InsertOutcome h : db.query(c, "FindActiveByKeys", keys, rows::holder)) {
                            holders.put(h.job().idempotencyKey(), h);
                        }
                    }
                    for (int i : chunk) {
                        NewJob job = jobs.get(i);
                        Job row = inserted.get(job.id());
                        InsertOutcome holder = row == null ? holders.get(job.idempotencyKey()) : null;
                        if (row != null) {
                            out[i] = new InsertOutcome(row, true, job.requestFingerprint());
                        } else if (holder != null) {
                            out[i] = holder;
                        } else {
                            again.add(i);
                        }
                    }
                }
                todo = again;
            }
            if (!todo.isEmpty()) {
                throw LongrunException.conflict("Could not start the job: its idempotency key kept changing hands. Try again.");
            }
            List<InsertOutcome> outcomes = Arrays.asList(out);
            beforeCommit.accept(outcomes);
            return List.copyOf(outcomes);
        });
    }

    /**
     * Jobs with a client's Idempotency-Key, one by one through the key table, in key order (two batches claiming the
     * same keys then wait for each other instead of deadlocking). Repeats of one key in the batch get the first's job.
     */
    private void insertKeyed(java.sql.Connection c, List<NewJob> jobs, InsertOutcome[] out) {
        List<Integer> keyed = IntStream.range(0, jobs.size()).filter(i -> jobs.get(i).keyExpiresAt() != null).boxed()
                .sorted(java.util.Comparator.comparing(i -> jobs.get(i).idempotencyKey())).toList();
        for (int i : keyed) {
            java.util.Optional<InsertOutcome> outcome = java.util.Optional.empty();
            for (int attempt = 0; attempt < ATTEMPTS && outcome.isEmpty(); attempt++) {
                outcome = keys.insertIn(c, jobs.get(i));
            }
            out[i] = outcome.orElseThrow(() -> LongrunException.conflict(
                    "Could not start the job: its idempotency key kept changing hands. Try again."));
        }
    }

    private static Params params(List<NewJob> jobs) {
        return Params.of("ids", list(SqlList.Type.UUID, jobs, NewJob::id))
                .set("account_ids", list(SqlList.Type.TEXT, jobs, NewJob::accountId))
                .set("user_ids", list(SqlList.Type.TEXT, jobs, NewJob::userId))
                .set("types", list(SqlList.Type.TEXT, jobs, NewJob::type))
                .set("queues", list(SqlList.Type.TEXT, jobs, NewJob::queue))
                .set("priorities", list(SqlList.Type.INT, jobs, NewJob::priority))
                .set("created_ats", list(SqlList.Type.INSTANT, jobs, NewJob::createdAt))
                .set("run_afters", list(SqlList.Type.INSTANT, jobs, j -> j.runAfter() == null ? j.createdAt() : j.runAfter()))
                .set("estimated_durations", list(SqlList.Type.BIGINT, jobs, NewJob::estimatedDurationSeconds))
                .set("cancellables", list(SqlList.Type.BOOLEAN, jobs, NewJob::cancellable))
                .set("max_attempts", list(SqlList.Type.INT, jobs, NewJob::maxAttempts))
                .set("idempotency_keys", list(SqlList.Type.TEXT, jobs, NewJob::idempotencyKey))
                .set("request_fingerprints", list(SqlList.Type.TEXT, jobs, NewJob::requestFingerprint))
                .set("params", list(SqlList.Type.TEXT, jobs, NewJob::paramsJson))
                .set("depends_ons", list(SqlList.Type.UUID, jobs, NewJob::dependsOn))
                .set("waiting_fors", list(SqlList.Type.UUID, jobs, NewJob::waitingFor))
                .set("retry_ofs", list(SqlList.Type.UUID, jobs, NewJob::retryOf))
                .set("timeouts", list(SqlList.Type.BIGINT, jobs, NewJob::timeoutSeconds));
    }

    private static SqlList list(SqlList.Type type, List<NewJob> jobs, Function<NewJob, ?> column) {
        List<Object> values = new ArrayList<>(jobs.size());
        for (NewJob j : jobs) {
            values.add(column.apply(j));
        }
        return SqlList.of(type, values);
    }
}
