package dev.longrun.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP forwarder a test can cut and restore, to play "the database went away" without
 * stopping the real server other tests share.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private volatile boolean closingNew;
    private final AtomicInteger closedAtOnce = new AtomicInteger();
    private final AtomicReference<String> dropMarker = new AtomicReference<>();
    private final AtomicInteger drops = new AtomicInteger();

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        listen(s);
    }

    public int port() {
        return port;
    }

    /** Drops every open connection and refuses new ones. */
    public synchronized void cut() throws IOException {
        server.close();
        dropOpenConnections();
    }

    private synchronized void dropOpenConnections() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    /**
     * Keeps the port but closes each new connection at once, as a database in the middle of a restart does, counting
     * them; unlike {@link #cut()} there is no rebinding later (which a closed connection in FIN_WAIT2 can refuse).
     */
    public void closeNewConnections() {
        closingNew = true;
    }

    /** New connections are forwarded again (after {@link #closeNewConnections()}). */
    public void forwardNewConnections() {
        closingNew = false;
    }

    public int connectionsClosedAtOnce() {
        return closedAtOnce.get();
    }

    /**
     * Arms an outage that starts in the middle of a conversation: when a client sends {@code marker} (e.g. words of
     * one migration's SQL), before those bytes reach the server, every open connection is dropped and from then on new
     * ones are closed at once, as by {@link #closeNewConnections()}, until {@link #forwardNewConnections()}.
     */
    public void dropOnceWhenClientSends(String marker) {
        dropMarker.set(marker);
    }

    /** How many times {@link #dropOnceWhenClientSends} saw its marker and dropped the connections (0 or 1). */
    public int drops() {
        return drops.get();
    }

    /** Accepts connections again, on the same port. */
    public synchronized void restore() throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listen(s);
    }

    private void listen(ServerSocket s) {
        server = s;
        Thread.ofVirtual().start(() -> {
            while (!s.isClosed()) {
                try {
                    forwardOrClose(s.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    /** Under the lock {@link #startOutage} takes, so no connection slips through an outage that just began. */
    private synchronized void forwardOrClose(Socket client) throws IOException {
        if (closingNew) {
            client.close();
            closedAtOnce.incrementAndGet();
            return;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        pipe(client, upstream, true);
        pipe(upstream, client, false);
    }

    private synchronized void startOutage() throws IOException {
        closingNew = true;
        drops.incrementAndGet();
        dropOpenConnections();
    }

    private void pipe(Socket from, Socket to, boolean fromClient) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[64 * 1024];
                // The end of the previous read, so a marker split across two reads is still seen.
                String tail = "";
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    String marker = fromClient ? dropMarker.get() : null;
                    if (marker != null) {
                        String window = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                        if (window.contains(marker) && dropMarker.compareAndSet(marker, null)) {
                            startOutage();
                            return;
                        }
                        tail = window.substring(Math.max(0, window.length() - marker.length() + 1));
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // connection cut
            } finally {
                try {
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        cut();
    }
}
