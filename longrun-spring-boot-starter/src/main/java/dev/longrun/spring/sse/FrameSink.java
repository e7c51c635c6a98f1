package dev.longrun.spring.sse;

import java.io.IOException;

/**
 * Where one event stream's frames go: the servlet response of {@link EventsController} ({@link ServletFrameSink}).
 * Only the stream's own thread sends and completes.
 */
interface FrameSink {

    /** Writes one frame, given in parts (shared parts are written as they are, never copied), and flushes it. */
    void send(byte[]... parts) throws IOException;

    /** Ends the response; safe to call more than once and after the client went away. */
    void complete();

    /** What to run when the response ends other than by {@link #complete()} (client gone, error, shutdown). */
    void onEnd(Runnable onEnd);
}
