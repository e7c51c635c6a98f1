package dev.longrun.spring.sse;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An event stream written straight to the servlet response, held open in async mode. Spring's {@code SseEmitter} cost
 * more per frame than the write itself: every send went through the message converters three times (event name, data,
 * id), each with a new response wrapper whose headers were written again, and encoded the job's JSON per subscriber;
 * here a frame is a few byte arrays, the job's part shared by every subscriber, written and flushed once.
 * <p>
 * Once the response has ended (completed here, or ended by the container when the client went away) nothing is written
 * to it again: the container recycles a response for the next request, so a late write would land in another client's
 * response. A lock orders each write against the end.
 */
final class ServletFrameSink implements FrameSink, AsyncListener {

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean ended;
    private volatile Runnable onEnd = () -> { };

    private ServletFrameSink(AsyncContext async, ServletOutputStream out) {
        this.async = async;
        this.out = out;
    }

    /** Switches the request to async mode (no timeout) and sends the response's head; frames may follow at once. */
    static ServletFrameSink open(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(0);
        ServletFrameSink sink = new ServletFrameSink(async, response.getOutputStream());
        async.addListener(sink);
        try {
            response.flushBuffer(); // the head now, as SseEmitter sent it: EventSource reports the stream open
        } catch (IOException | RuntimeException e) {
            sink.complete(); // the client is gone: an async request nobody completes would be held for good
            throw e;
        }
        return sink;
    }

    @Override
    public void onEnd(Runnable onEnd) {
        this.onEnd = onEnd;
    }

    @Override
    public void send(byte[]... parts) throws IOException {
        lock.lock();
        try {
            if (ended) {
                throw new IOException("The event stream has ended");
            }
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void complete() {
        lock.lock();
        try {
            if (!ended) {
                ended = true;
                async.complete();
            }
        } catch (IllegalStateException alreadyEnded) {
            // the container ended the response first (client gone)
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onComplete(AsyncEvent event) {
        ended();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        ended();
    }

    @Override
    public void onError(AsyncEvent event) {
        ended();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // not restarted
    }

    /** The container ended the response: no write may touch it again; the stream's thread is told to stop. */
    private void ended() {
        lock.lock();
        try {
            ended = true;
        } finally {
            lock.unlock();
        }
        onEnd.run();
    }
}
