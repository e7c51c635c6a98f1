package dev.longrun.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches requests from many worker threads into one store call: a caller submits and waits; one
 * flusher thread takes everything queued so far and writes it at once. Idle, a request is written
 * at once; under load, hundreds share one statement (the way databases group-commit).
 *
 * @param <T> request
 * @param <R> per-request answer
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 1_000;

    private record Pending<T, R>(T request, CompletableFuture<R> answer) {
    }

    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> writer;
    private final Thread flusher;
    private volatile boolean closed;

    /** {@code writer} answers each request, in order. */
    GroupCommit(String name, Function<List<T>, List<R>> writer) {
        this.writer = writer;
        this.flusher = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    CompletableFuture<R> submit(T request) {
        CompletableFuture<R> answer = new CompletableFuture<>();
        if (closed) {
            answer.completeExceptionally(new IllegalStateException("Longrun is shutting down"));
            return answer;
        }
        queue.add(new Pending<>(request, answer));
        return answer;
    }

    private void loop() {
        List<Pending<T, R>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending<T, R>> batch) {
        List<T> requests = new ArrayList<>(batch.size());
        for (Pending<T, R> p : batch) {
            requests.add(p.request());
        }
        try {
            List<R> answers = writer.apply(requests);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            log.warn("Batch write of {} requests failed: {}", batch.size(), e.getMessage());
            for (Pending<T, R> p : batch) {
                p.answer().completeExceptionally(e);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            flusher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
