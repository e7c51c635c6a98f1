package dev.longrun.store;

import dev.longrun.Job;
import dev.longrun.LongrunException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Inserts many jobs in one transaction, one statement per {@value #CHUNK} ({@code InsertJobs}), each job exactly as a
 * single insert would: created, or the active job that holds its key (read with one {@code FindActiveByKeys} per
 * chunk). Jobs with a client's Idempotency-Key claim their keys in the key table first, also a statement per chunk
 * ({@link IdempotencyKeyRecords#claimAllIn}); one per job made a batch of a thousand cost two thousand round trips.
 * On PostgreSQL the claim and the insert are one statement ({@code ClaimKeysAndInsertJobs}), so a grouped start costs
 * two round trips (statement, commit) instead of three.
 * Used by {@code startAll} and by the starter, which groups concurrent single starts into one transaction.
 */
final class JobInserts {

    static final int CHUNK = 1_000;
    private static final int ATTEMPTS = 10;

    private final Database db;
    private final RowReader rows;
    private final IdempotencyKeyRecords keys;
    private final boolean claimInInsert;

    /** {@code claimInInsert}: the dialect has {@code ClaimKeysAndInsertJobs} (PostgreSQL). */
    JobInserts(Database db, RowReader rows, IdempotencyKeyRecords keys, boolean claimInInsert) {
        this.db = db;
        this.rows = rows;
        this.keys = keys;
        this.claimInInsert = claimInInsert;
    }

    List<InsertOutcome> insertAll(List<NewJob> jobs, Consumer<List<InsertOutcome>> beforeCommit) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        return db.write(c -> {
            InsertOutcome[] out = new InsertOutcome[jobs.size()];
            List<Integer> keyed = IntStream.range(0, jobs.size()).filter(i -> jobs.get(i).keyExpiresAt() != null).boxed().toList();
            List<Integer> plain = IntStream.range(0, jobs.size()).filter(i -> jobs.get(i).keyExpiresAt() == null).boxed().toList();
            // A key may vanish (purged as expired) between its claim and its read, and a derived key's holder may
            // finish between the insert and the read: those jobs go round again.
            for (int attempt = 0; attempt < ATTEMPTS && (!keyed.isEmpty() || !plain.isEmpty()); attempt++) {
                if (claimInInsert) {
                    List<Integer> claiming = firstOfEachKey(jobs, keyed);
                    plain = insert(c, jobs, claimingOrder(plain, claiming), new HashSet<>(claiming), out);
                } else {
                    List<Integer> insertNow = new ArrayList<>(plain);
                    insertNow.addAll(claimKeys(c, jobs, keyed));
                    insertNow.sort(null);
                    plain = insert(c, jobs, insertNow, Set.of(), out);
                }
                keyed = readHolders(c, jobs, keyed, out);
            }
            if (!keyed.isEmpty() || !plain.isEmpty()) {
                throw LongrunException.conflict("Could not start the job: its idempotency key kept changing hands. Try again.");
            }
            List<InsertOutcome> outcomes = Arrays.asList(out);
            beforeCommit.accept(outcomes);
            return List.copyOf(outcomes);
        });
    }

    /**
     * {@link JobStore#insertEach}: on PostgreSQL one {@code ClaimKeysAndInsertJobs} in auto-commit (one round trip),
     * null for the jobs it left out; their callers insert them one by one. Elsewhere, or for more than one statement's
     * worth, {@link #insertAll}.
     */
    List<InsertOutcome> insertEach(List<NewJob> jobs) {
        if (!claimInInsert || jobs.size() > CHUNK) {
            return insertAll(jobs, outcomes -> { });
        }
        List<Integer> keyed = IntStream.range(0, jobs.size()).filter(i -> jobs.get(i).keyExpiresAt() != null).boxed().toList();
        List<Integer> plain = IntStream.range(0, jobs.size()).filter(i -> jobs.get(i).keyExpiresAt() == null).boxed().toList();
        List<Integer> claiming = firstOfEachKey(jobs, keyed);
        List<Integer> todo = claimingOrder(plain, claiming);
        Params params = claimParams(jobs, todo, new HashSet<>(claiming));
        Map<UUID, Job> inserted = new HashMap<>();
        for (Job j : db.writeAlone(c -> claimAndInsert(c, params))) {
            inserted.put(j.id(), j);
        }
        List<InsertOutcome> out = new ArrayList<>(jobs.size());
        for (NewJob job : jobs) {
            Job row = inserted.get(job.id());
            out.add(row == null ? null : new InsertOutcome(row, true, job.requestFingerprint()));
        }
        return out;
    }

    /**
     * The statement skips only jobs whose derived key an active job holds; a job whose id exists fails it, so nothing
     * of it is written and no key is left claimed for a job that is not there (also when it commits on its own).
     */
    private List<Job> claimAndInsert(Connection c, Params params) {
        try {
            return db.query(c, "ClaimKeysAndInsertJobs", params, rows::job);
        } catch (LongrunException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw LongrunException.conflict("A job of this batch has an id that already exists.");
            }
            throw e;
        }
    }

    /**
     * Claims the client keys of these jobs, a statement per {@value #CHUNK} distinct keys in key order (two batches
     * claiming the same keys then wait for each other instead of deadlocking); answers the jobs whose key was taken.
     * Of a key repeated in the batch only the first job claims it; the repeats get that job ({@link #readHolders}).
     */
    private List<Integer> claimKeys(Connection c, List<NewJob> jobs, List<Integer> keyed) {
        List<Integer> firsts = firstOfEachKey(jobs, keyed);
        List<Integer> won = new ArrayList<>();
        for (int from = 0; from < firsts.size(); from += CHUNK) {
            List<Integer> chunk = firsts.subList(from, Math.min(firsts.size(), from + CHUNK));
            Set<UUID> claimed = keys.claimAllIn(c, chunk.stream().map(jobs::get).toList());
            for (int i : chunk) {
                if (claimed.contains(jobs.get(i).id())) {
                    won.add(i);
                }
            }
        }
        return won;
    }

    /** Of the jobs with a client key, the first job of each distinct key, in key order. */
    private static List<Integer> firstOfEachKey(List<NewJob> jobs, List<Integer> keyed) {
        TreeMap<String, Integer> firstOfKey = new TreeMap<>();
        for (int i : keyed) {
            firstOfKey.putIfAbsent(jobs.get(i).idempotencyKey(), i);
        }
        return List.copyOf(firstOfKey.values());
    }

    /**
     * The order to insert in when keys are claimed by the insert: the batch's own order if it is one statement; else
     * the claiming jobs in key order first, so that the chunks together claim every key in key order.
     */
    private static List<Integer> claimingOrder(List<Integer> plain, List<Integer> claiming) {
        List<Integer> todo = new ArrayList<>(claiming);
        todo.addAll(plain);
        if (todo.size() <= CHUNK) {
            todo.sort(null);
        }
        return todo;
    }

    /**
     * Inserts these jobs, a statement per {@value #CHUNK}; the jobs in {@code claiming} claim their client key in the
     * same statement and are inserted only if they got it (the others are left to {@link #readHolders}). A job whose
     * derived key an active job holds gets that job ({@code FindActiveByKeys}); answers the jobs whose holder vanished
     * meanwhile (insert them again).
     */
    private List<Integer> insert(Connection c, List<NewJob> jobs, List<Integer> todo, Set<Integer> claiming, InsertOutcome[] out) {
        List<Integer> again = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += CHUNK) {
            List<Integer> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
            List<NewJob> batch = chunk.stream().map(jobs::get).toList();
            Map<UUID, Job> inserted = new HashMap<>();
            List<Job> rowsBack = claiming.isEmpty()
                    ? db.query(c, "InsertJobs", params(batch), rows::job)
                    : claimAndInsert(c, claimParams(jobs, chunk, claiming));
            for (Job j : rowsBack) {
                inserted.put(j.id(), j);
            }
            LinkedHashSet<String> heldKeys = new LinkedHashSet<>();
            for (int i : chunk) {
                NewJob job = jobs.get(i);
                if (!inserted.containsKey(job.id()) && !claiming.contains(i)) {
                    if (job.idempotencyKey() == null || job.keyExpiresAt() != null) {
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
                } else if (!claiming.contains(i)) {
                    again.add(i);
                } // else its client key is held: readHolders answers it
            }
        }
        return again;
    }

    /**
     * Jobs with a client key that were not inserted: their key is held (by an earlier job, or by a job of this batch
     * with the same key); each gets the holder as a repeat does. Answers the jobs whose key vanished (claim again).
     */
    private List<Integer> readHolders(Connection c, List<NewJob> jobs, List<Integer> keyed, InsertOutcome[] out) {
        List<Integer> waiting = keyed.stream().filter(i -> out[i] == null).toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        List<String> distinct = waiting.stream().map(i -> jobs.get(i).idempotencyKey()).distinct().toList();
        Map<String, InsertOutcome> held = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            held.putAll(keys.heldIn(c, distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
        }
        List<Integer> again = new ArrayList<>();
        for (int i : waiting) {
            InsertOutcome holder = held.get(jobs.get(i).idempotencyKey());
            if (holder != null) {
                out[i] = holder;
            } else {
                again.add(i);
            }
        }
        return again;
    }

    /** InsertJobs' parameters, which jobs claim a key, and the claims (their keys in key order, as ClaimIdempotencyKeys). */
    private static Params claimParams(List<NewJob> jobs, List<Integer> chunk, Set<Integer> claiming) {
        List<NewJob> batch = chunk.stream().map(jobs::get).toList();
        List<NewJob> claims = chunk.stream().filter(claiming::contains).map(jobs::get)
                .sorted(java.util.Comparator.comparing(NewJob::idempotencyKey)).toList();
        return params(batch)
                .set("claims_keys", SqlList.of(SqlList.Type.BOOLEAN, chunk.stream().map(claiming::contains).toList()))
                .set("keys", list(SqlList.Type.TEXT, claims, NewJob::idempotencyKey))
                .set("key_account_ids", list(SqlList.Type.TEXT, claims, NewJob::accountId))
                .set("key_user_ids", list(SqlList.Type.TEXT, claims, NewJob::userId))
                .set("key_job_ids", list(SqlList.Type.UUID, claims, NewJob::id))
                .set("key_request_fingerprints", list(SqlList.Type.TEXT, claims, NewJob::requestFingerprint))
                .set("key_created_ats", list(SqlList.Type.INSTANT, claims, NewJob::createdAt))
                .set("key_expires_ats", list(SqlList.Type.INSTANT, claims, NewJob::keyExpiresAt));
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
                // a client's key lives in the key table, not on the job (as in InsertJob)
                .set("idempotency_keys", list(SqlList.Type.TEXT, jobs, j -> j.keyExpiresAt() == null ? j.idempotencyKey() : null))
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
