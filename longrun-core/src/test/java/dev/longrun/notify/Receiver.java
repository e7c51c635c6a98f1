package dev.longrun.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP endpoint on 127.0.0.1 for webhook tests: records requests, answers with scripted statuses and delays. */
final class Receiver implements AutoCloseable {

    record Request(Map<String, List<String>> headers, String body, long arrivedMillis) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private record Answer(int status, long delayMillis) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final HttpServer server;
    private volatile int otherwise = 200;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body, System.currentTimeMillis()));
            Answer a;
            synchronized (this) {
                a = script.isEmpty() ? new Answer(otherwise, 0) : script.poll();
            }
            try {
                Thread.sleep(a.delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(a.status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    synchronized Receiver thenStatus(int status) {
        script.add(new Answer(status, 0));
        return this;
    }

    synchronized Receiver thenSlow(long millis) {
        script.add(new Answer(200, millis));
        return this;
    }

    Receiver otherwise(int status) {
        this.otherwise = status;
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
