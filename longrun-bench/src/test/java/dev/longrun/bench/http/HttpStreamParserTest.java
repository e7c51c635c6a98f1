package dev.longrun.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the fan-out's selector client turns response bytes, cut anywhere, into frames. */
class HttpStreamParserTest {

    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

    @Test
    void chunkedFramesAreFoundWhereverTheReadsCutTheBytes() {
        String body = chunk("event:job\nid:3\ndata:{\"version\":3}\n\n") + chunk(":heartbeat\n\n") + chunk("event:job\ndata:{\"a\":1,\ndata:\"b\":2}\n\n") + "0\r\n\r\n";
        byte[] all = (HEAD + body).getBytes(StandardCharsets.US_ASCII);
        for (int cut = 1; cut < all.length; cut++) {
            HttpStreamParser parser = new HttpStreamParser();
            List<EventStream.Frame> frames = new ArrayList<>(parser.feed(java.util.Arrays.copyOfRange(all, 0, cut), Instant.EPOCH));
            frames.addAll(parser.feed(java.util.Arrays.copyOfRange(all, cut, all.length), Instant.EPOCH));

            assertThat(frames).as("cut at %d", cut).extracting(EventStream.Frame::data).containsExactly("{\"version\":3}", "{\"a\":1,\n\"b\":2}");
            assertThat(parser.failed()).isFalse();
        }
    }

    @Test
    void aFrameIsStampedWithTheReadThatCompletedIt() {
        HttpStreamParser parser = new HttpStreamParser();
        Instant first = Instant.parse("2026-11-29T08:00:00Z");
        Instant second = first.plusMillis(7);

        assertThat(parser.feed((HEAD + Integer.toHexString("event:job\ndata:{}\n\n".length()) + "\r\nevent:job\ndat").getBytes(StandardCharsets.US_ASCII), first)).isEmpty();
        List<EventStream.Frame> frames = parser.feed("a:{}\n\n\r\n".getBytes(StandardCharsets.US_ASCII), second);

        assertThat(frames).extracting(EventStream.Frame::receivedAt).containsExactly(second);
    }

    @Test
    void aBodyWithoutChunkingIsReadAsItIs() {
        HttpStreamParser parser = new HttpStreamParser();

        List<EventStream.Frame> frames = parser.feed("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nevent:job\ndata:{\"v\":1}\n\n".getBytes(StandardCharsets.US_ASCII), Instant.EPOCH);

        assertThat(frames).extracting(EventStream.Frame::event, EventStream.Frame::data).containsExactly(org.assertj.core.groups.Tuple.tuple("job", "{\"v\":1}"));
    }

    @Test
    void anAnswerOtherThan200FailsTheStream() {
        HttpStreamParser parser = new HttpStreamParser();

        assertThat(parser.feed("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), Instant.EPOCH)).isEmpty();
        assertThat(parser.failed()).isTrue();
    }

    @Test
    void aJobFrameCostsLittleMoreThanItsDataString() {
        // The fan-out reads 1,000 frames a second: ~9 KB of garbage per frame made the bench's own young pauses part of
        // the latencies it measured.
        String data = "{\"id\":\"x\",\"version\":17,\"pad\":\"" + "p".repeat(1000) + "\"}";
        byte[] frame = chunk("event:job\ndata:" + data + "\nid:17\n\n").getBytes(StandardCharsets.US_ASCII);
        HttpStreamParser parser = new HttpStreamParser();
        parser.feed(HEAD.getBytes(StandardCharsets.US_ASCII), Instant.EPOCH);
        java.nio.ByteBuffer read = java.nio.ByteBuffer.allocateDirect(frame.length);
        for (int i = 0; i < 2_000; i++) { // the text buffer grows to its size; the JIT compiles the loop
            read.clear().put(frame).flip();
            parser.feed(read, Instant.EPOCH);
        }
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        int frames = 1_000;
        for (int i = 0; i < frames; i++) {
            read.clear().put(frame).flip();
            assertThat(parser.feed(read, Instant.EPOCH)).hasSize(1);
        }
        long perFrame = (threads.getCurrentThreadAllocatedBytes() - before) / frames;

        assertThat(perFrame).as("bytes allocated per frame of %d bytes of data", data.length()).isLessThan(2L * data.length());
    }

    private static String chunk(String s) {
        return Integer.toHexString(s.length()) + "\r\n" + s + "\r\n";
    }
}
