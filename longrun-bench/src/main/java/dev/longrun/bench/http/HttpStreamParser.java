package dev.longrun.bench.http;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes of one HTTP/1.1 event-stream response, as they arrive, into SSE frames: the head (status 200, and
 * whether the body is chunked), the chunked transfer coding if any, and frames ending at a blank line. A response that
 * is not 200 marks the stream {@link #failed()}. Bytes become characters one to one (ISO-8859-1), so a read that ends
 * inside a multi-byte character splits nothing; the fields the bench reads ({@code updated_at}, {@code version},
 * {@code status}) are ASCII. Bytes are appended as characters and frames cut out of the text in place: the reader of
 * 1,000 streams allocated about 10 KB per frame before (a copy of each read, a string per chunk, a substring and a
 * split per frame), so the bench client's own young pauses, every 8 s and up to 200 ms on a loaded machine, were
 * the widest gaps of the slowest changes it measured.
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
        return feed(ByteBuffer.wrap(bytes), at);
    }

    /** The frames the bytes left in {@code bytes} completed, each stamped {@code at}; reads them all. */
    List<EventStream.Frame> feed(ByteBuffer bytes, Instant at) {
        if (!inBody) {
            readHead(bytes);
            if (!inBody || failed) {
                bytes.position(bytes.limit());
                return List.of();
            }
        }
        if (chunked) {
            unchunk(bytes);
        } else {
            append(bytes, bytes.remaining());
        }
        return frames(at);
    }

    private void append(ByteBuffer bytes, int n) {
        for (int i = 0; i < n; i++) {
            text.append((char) (bytes.get() & 0xff));
        }
    }

    private void readHead(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            head.append((char) (bytes.get() & 0xff));
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 4) == '\r') {
                String h = head.toString();
                failed = !h.startsWith("HTTP/1.1 200");
                chunked = h.toLowerCase(java.util.Locale.ROOT).contains("\r\ntransfer-encoding: chunked");
                inBody = true;
                return;
            }
        }
    }

    private void unchunk(ByteBuffer bytes) {
        while (bytes.hasRemaining()) {
            if (chunkLeft > 0) {
                int n = Math.min(chunkLeft, bytes.remaining());
                append(bytes, n);
                chunkLeft -= n;
                continue;
            }
            char c = (char) (bytes.get() & 0xff);
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
        List<EventStream.Frame> frames = List.of();
        int end;
        while ((end = text.indexOf("\n\n")) >= 0) {
            EventStream.Frame f = frame(end, at);
            if (f != null) {
                frames = frames.isEmpty() ? new ArrayList<>(1) : frames;
                frames.add(f);
            }
            text.delete(0, end + 2);
        }
        return frames;
    }

    /**
     * The frame in {@code text} before {@code end}, read line by line as {@link EventStream#readFrames} reads it; null
     * for a comment (heartbeat) or an id alone.
     */
    private EventStream.Frame frame(int end, Instant at) {
        String event = "message";
        String data = null;
        for (int line = 0; line < end; ) {
            int lineEnd = text.indexOf("\n", line); // at most end: a frame ends with a blank line
            if (startsWith(line, "event:")) {
                event = startsWith(line, "event:job\n") ? "job" : text.substring(line + 6, lineEnd).strip();
            } else if (startsWith(line, "data:")) {
                int from = line + 5 + (startsWith(line + 5, " ") ? 1 : 0);
                String d = text.substring(from, lineEnd);
                data = data == null ? d : data + '\n' + d;
            }
            line = lineEnd + 1;
        }
        return data == null ? null : new EventStream.Frame(event, data, at);
    }

    private boolean startsWith(int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
