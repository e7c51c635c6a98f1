package dev.longrun.spring.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/** A real SSE client: reads the response line by line on its own thread and parses frames as a browser would. */
public final class SseStream implements AutoCloseable {

    /** One frame; {@code comment} for heartbeats, {@code end} once the server closed the stream. */
    public record Frame(String id, String event, String data, boolean comment, boolean end, java.time.Instant receivedAt) {
        public JsonNode json() {
            return Api.JSON.readTree(data);
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SseStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    public static SseStream open(HttpClient http, String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
        headers.forEach(b::header);
        return new SseStream(http.send(b.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    public int status() {
        return response.statusCode();
    }

    /** A response header, or empty when absent. */
    public String header(String name) {
        return response.headers().firstValue(name).orElse("");
    }

    public String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next frame, or null after the timeout. */
    public Frame next(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next non-comment frame, or null after the timeout. */
    public Frame nextEvent(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            Frame f = next(Duration.ofNanos(until - System.nanoTime()));
            if (f == null || !f.comment()) {
                return f;
            }
        }
        return null;
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(id, event, data.toString(), false, false, java.time.Instant.now()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    frames.add(new Frame(null, null, line.substring(1).strip(), true, false, java.time.Instant.now()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // closed by us or by the server
        }
        frames.add(new Frame(null, null, null, false, true, java.time.Instant.now()));
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
