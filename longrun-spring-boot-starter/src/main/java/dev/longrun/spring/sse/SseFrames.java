package dev.longrun.spring.sse;

import java.nio.charset.StandardCharsets;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bytes of the frames the streams send, as {@code SseEmitter} wrote them before (fields in the order event, data,
 * id; a blank line ends a frame), so clients see the same stream byte for byte.
 */
final class SseFrames {

    static final byte[] HEARTBEAT = ascii(":heartbeat\n\n");
    static final byte[] RESYNC = ascii("event:resync\ndata:{}\n\n");
    /** Ends a frame that has no id. */
    static final byte[] END = ascii("\n");

    private SseFrames() {
    }

    /** {@code event:job} and the job's JSON as data lines: the part of a job frame every subscriber shares. */
    static byte[] jobHead(String json) {
        StringBuilder b = new StringBuilder(json.length() + 32).append("event:job\n");
        for (String line : json.split("\r\n|\r|\n", -1)) { // as SseEmitter split multi-line data
            b.append("data:").append(line).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The id line that ends a frame. */
    static byte[] idEnd(long id) {
        return ascii("id:" + id + "\n\n");
    }

    /** A whole frame: its head and the id line that ends it. */
    static byte[] withId(byte[] head, long id) {
        byte[] end = idEnd(id);
        byte[] frame = java.util.Arrays.copyOf(head, head.length + end.length);
        System.arraycopy(end, 0, frame, head.length, end.length);
        return frame;
    }

    /**
     * A frame another feature built with {@link SseEmitter#event()}: text parts as they are, other data as JSON from
     * the API's mapper (what Spring's {@link HttpMessageConverter}s made of them).
     */
    static byte[] of(SseEmitter.SseEventBuilder event, JsonMapper json) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(256);
        for (var part : event.build()) {
            b.writeBytes(part.getData() instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(part.getData()));
        }
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
