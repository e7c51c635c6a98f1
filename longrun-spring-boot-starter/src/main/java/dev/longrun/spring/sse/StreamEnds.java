package dev.longrun.spring.sse;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends the responses of single-job streams that sent their job's final state, once no stream has changes left to
 * write. When a job with 1,000 subscribers finishes, all 1,000 threads write the same final frame at once, and ending a
 * response costs several frames' worth of CPU (the container's completion, its request metrics, closing the
 * connection): ended by each stream right after its frame, the last subscriber's frame waited for the ends of the ones
 * before it, and a final state took 5-10 times as long to reach everyone as any other change. The client has its last
 * frame either way; only the end waits, at most {@link #MAX_WAIT} (a stream whose client stopped reading keeps its
 * changes unwritten for good).
 * <p>
 * Streams report here when they get changes to write ({@link #startedWriting()}, called by the dispatcher) and when
 * they wrote them ({@link #doneWriting()}), and so does the dispatcher while it hands a change out; one virtual thread
 * ends what is due.
 */
final class StreamEnds implements AutoCloseable {

    static final Duration MAX_WAIT = Duration.ofSeconds(1);

    private final long maxWaitNanos;
    private final AtomicInteger writing = new AtomicInteger();
    private final LinkedBlockingQueue<FrameSink> due = new LinkedBlockingQueue<>();
    private final Thread ender;
    /** The ender holds an end and waits for {@link #writing} to reach 0: only then is it woken by {@link #doneWriting()}. */
    private volatile boolean waiting;
    private volatile boolean closed;

    /** {@code maxWait}: how long a due end waits at most for the streams to write ({@link #MAX_WAIT} in the product). */
    StreamEnds(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
        this.ender = Thread.ofVirtual().name("longrun-sse-end").start(this::run);
    }

    /** A stream got changes to write while it had none (or the dispatcher began handing a change out). */
    void startedWriting() {
        writing.incrementAndGet();
    }

    /** A stream wrote (or dropped) the changes it had (or the dispatcher handed its change to every stream). */
    void doneWriting() {
        if (writing.decrementAndGet() == 0 && waiting) {
            LockSupport.unpark(ender); // not for every event the dispatcher hands out while no end is due
        }
    }

    /** Ends this response once the streams have written what they have; its own thread wrote its last frame. */
    void endAfterFanOut(FrameSink sink) {
        due.add(sink);
        if (closed) {
            endDue();
        }
    }

    private void run() {
        try {
            while (!closed) {
                FrameSink first = due.take();
                long deadline = System.nanoTime() + maxWaitNanos;
                long left;
                waiting = true; // before reading the count, so a doneWriting that brings it to 0 after the read unparks
                while (writing.get() > 0 && !closed && (left = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(this, left);
                }
                waiting = false;
                first.complete();
                endDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void endDue() {
        for (FrameSink sink; (sink = due.poll()) != null; ) {
            sink.complete();
        }
    }

    /** Ends every response still due at once (the node is shutting down). */
    @Override
    public void close() {
        closed = true;
        ender.interrupt();
        endDue();
    }
}
