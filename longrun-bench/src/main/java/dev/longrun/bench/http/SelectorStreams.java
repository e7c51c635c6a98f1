package dev.longrun.bench.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fan-out's load client: every event stream read by one platform thread over one selector (plain HTTP/1.1 on
 * non-blocking sockets). A browser reads its one stream the moment data arrives; a client thread per stream on the
 * same two cores as the server (JDK {@code HttpClient}: its selector thread, a hand-over to an {@code InputStream}, a
 * virtual thread to wake) used as much CPU as the server and stamped a frame only when that thread got a core. Here a
 * frame is stamped when the read that completed it returns, and the reading costs a fraction of that.
 */
final class SelectorStreams implements AutoCloseable {

    /** Told about each complete frame and each stream's end, on the reading thread. */
    interface Listener {
        void frame(int stream, EventStream.Frame frame);

        void ended(int stream);
    }

    private final Selector selector;
    private final Listener listener;
    private final byte[] request;
    private final List<Connection> connections = new ArrayList<>();
    private final Thread reader;
    private volatile boolean closed;

    /** Opens {@code count} streams of {@code path} with the given request headers; frames flow once {@link #start()}ed. */
    SelectorStreams(InetSocketAddress server, String path, List<String> headers, int count, Listener listener) throws IOException {
        this.selector = Selector.open();
        this.listener = listener;
        StringBuilder r = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(server.getHostString()).append(':').append(server.getPort()).append("\r\nAccept: text/event-stream\r\n");
        headers.forEach(h -> r.append(h).append("\r\n"));
        this.request = r.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel ch = SocketChannel.open();
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.connect(server);
            Connection c = new Connection(i, ch);
            connections.add(c);
            ch.register(selector, SelectionKey.OP_CONNECT, c);
        }
        this.reader = Thread.ofPlatform().name("sse-selector").daemon().unstarted(this::loop);
    }

    void start() {
        reader.start();
    }

    private void loop() {
        ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);
        try {
            while (!closed) {
                selector.select(1000);
                Instant now = null;
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Connection c = (Connection) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            c.channel.finishConnect();
                            c.channel.write(ByteBuffer.wrap(request)); // a few hundred bytes: fits any empty send buffer
                            key.interestOps(SelectionKey.OP_READ);
                        } else if (key.isReadable()) {
                            buf.clear();
                            int n = c.channel.read(buf);
                            if (n < 0) {
                                end(c, key);
                                continue;
                            }
                            now = Instant.now(); // when these bytes reached the client
                            buf.flip();
                            for (EventStream.Frame f : c.parser.feed(buf, now)) {
                                listener.frame(c.index, f);
                            }
                            if (c.parser.failed()) {
                                end(c, key);
                            }
                        }
                    } catch (IOException e) {
                        end(c, key);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                throw new IllegalStateException("The fan-out client's selector failed", e);
            }
        }
    }

    private void end(Connection c, SelectionKey key) {
        key.cancel();
        try {
            c.channel.close();
        } catch (IOException ignored) {
            // closing a dead connection
        }
        listener.ended(c.index);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : connections) {
            c.channel.close();
        }
        selector.close();
    }

    private static final class Connection {
        final int index;
        final SocketChannel channel;
        final HttpStreamParser parser = new HttpStreamParser();

        Connection(int index, SocketChannel channel) {
            this.index = index;
            this.channel = channel;
        }
    }
}
