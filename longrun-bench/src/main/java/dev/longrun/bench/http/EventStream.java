package dev.longrun.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One SSE connection of the load client (JDK {@link HttpClient}, HTTP/1.1), read by a virtual thread of its own that
 * hands each complete frame, stamped with the wall-clock time it arrived, to a callback. Used by {@link FanOut} and
 * {@link StreamCapacity}.
 */
final class EventStream implements AutoCloseable {

    /** One {@code event:}/{@code data:} frame; {@code receivedAt} is when its last line was read. */
    record Frame(String event, String data, Instant receivedAt) {
    }

    private final Thread reader;
    private volatile InputStream body;
    private volatile boolean closed;

    private EventStream(HttpClient http, HttpRequest request, Consumer<Frame> onFrame, Runnable onEnd) {
        this.reader = Thread.ofVirtual().name("sse-client").unstarted(() -> read(http, request, onFrame, onEnd));
    }

    /** Connects in the background; {@code onEnd} runs once when the stream ends, fails or is closed. */
    static EventStream open(HttpClient http, HttpRequest request, Consumer<Frame> onFrame, Runnable onEnd) {
        EventStream s = new EventStream(http, request, onFrame, onEnd);
        s.reader.start();
        return s;
    }

    private void read(HttpClient http, HttpRequest request, Consumer<Frame> onFrame, Runnable onEnd) {
        try {
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            body = r.body();
            if (closed || r.statusCode() != 200) {
                return;
            }
            readFrames(new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)), onFrame);
        } catch (IOException e) {
            // refused, reset or closed by us: the stream simply ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeBody();
            onEnd.run();
        }
    }

    static void readFrames(BufferedReader in, Consumer<Frame> onFrame) throws IOException {
        String event = "message";
        StringBuilder data = null;
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isEmpty()) {
                if (data != null) {
                    onFrame.accept(new Frame(event, data.toString(), Instant.now()));
                }
                event = "message";
                data = null;
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5);
                d = d.startsWith(" ") ? d.substring(1) : d;
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            }
        }
    }

    private void closeBody() {
        InputStream b = body;
        if (b != null) {
            try {
                b.close();
            } catch (IOException ignored) {
                // closing a dead connection
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeBody();
        reader.interrupt();
    }
}
