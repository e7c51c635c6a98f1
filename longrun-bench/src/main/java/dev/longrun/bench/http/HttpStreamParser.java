package dev.longrun.bench.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of one HTTP/1.1 event-stream response, as they arrive, into SSE frames: the head (status 200, and
 * whether the body is chunked), the chunked transfer coding if any, and frames ending at a blank line. A response that
 * is not 200 marks the stream {@link #failed()}. Bytes become characters one to one (ISO-8859-1), so a read that ends
 * inside a multi-byte character splits nothing; the fields the bench reads ({@code updated_at}, {@code version},
 * {@code status}) are ASCII.
 */
final class HttpStreamParser {

    private final StringBuilder head = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private boolean inBody;
    private boolean chunked;
    private boolean failed;
    /** Chunked coding: bytes left of the current chunk; -1 while a size line (or the CRLF after a chunk) is read. */
    private int chunkLeft = -1;
    private final StringBuilder sizeLine = new StringBuilder();

    boolean failed() {
        return failed;
    }

    /** The frames these bytes completed, each stamped {@code at}. */
    List<EventStream.Frame> feed(byte[] bytes, Instant at) {
        int i = 0;
        if (!inBody) {
            i = readHead(bytes);
            if (!inBody || failed) {
                return List.of();
            }
        }
        if (chunked) {
            unchunk(bytes, i);
        } else {
            text.append(new String(bytes, i, bytes.length - i, StandardCharsets.ISO_8859_1));
        }
        return frames(at);
    }

    private int readHead(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            head.append((char) bytes[i]);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 4) == '\r') {
                String h = head.toString();
                failed = !h.startsWith("HTTP/1.1 200");
                chunked = h.toLowerCase(java.util.Locale.ROOT).contains("\r\ntransfer-encoding: chunked");
                inBody = true;
                return i + 1;
            }
        }
        return bytes.length;
    }

    private void unchunk(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length) {
            if (chunkLeft > 0) {
                int n = Math.min(chunkLeft, bytes.length - i);
                text.append(new String(bytes, i, n, StandardCharsets.ISO_8859_1));
                chunkLeft -= n;
                i += n;
                continue;
            }
            char c = (char) bytes[i++];
            if (c != '\n') {
                if (c != '\r') {
                    sizeLine.append(c);
                }
                continue;
            }
            if (sizeLine.isEmpty()) {
                continue; // the CRLF that ends a chunk's data
            }
            int semicolon = sizeLine.indexOf(";");
            chunkLeft = Integer.parseInt(semicolon < 0 ? sizeLine.toString() : sizeLine.substring(0, semicolon), 16);
            sizeLine.setLength(0);
            if (chunkLeft == 0) {
                chunkLeft = -1; // the last chunk: the stream ends with the connection
            }
        }
    }

    private List<EventStream.Frame> frames(Instant at) {
        List<EventStream.Frame> frames = new ArrayList<>(1);
        int end;
        while ((end = text.indexOf("\n\n")) >= 0) {
            EventStream.Frame f = frame(text.substring(0, end), at);
            if (f != null) {
                frames.add(f);
            }
            text.delete(0, end + 2);
        }
        return frames;
    }

    /** One frame's lines, as {@link EventStream#readFrames} reads them; null for a comment (heartbeat) or an id alone. */
    private static EventStream.Frame frame(String block, Instant at) {
        String event = "message";
        StringBuilder data = null;
        for (String line : block.split("\n", -1)) {
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5);
                d = d.startsWith(" ") ? d.substring(1) : d;
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            }
        }
        return data == null ? null : new EventStream.Frame(event, data.toString(), at);
    }
}
