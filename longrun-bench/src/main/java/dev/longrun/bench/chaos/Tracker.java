package dev.longrun.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Follows every started job through the API (batch polls of 200 ids through any live node), feeds what it sees to the
 * {@link Ledger}, and confirms import previews ({@code needs_action}) as a person would.
 */
final class Tracker implements AutoCloseable {

    private final ChaosClient client;
    private final Ledger ledger;
    private final Workload workload;
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();
    private final Map<String, String> lastStatus = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean stopped;

    Tracker(ChaosClient client, Ledger ledger, Workload workload) {
        this.client = client;
        this.ledger = ledger;
        this.workload = workload;
        this.thread = Thread.ofVirtual().name("chaos-tracker").start(this::loop);
    }

    /** Jobs not seen in a final state yet. */
    List<String> open() {
        return workload.started.keySet().stream().filter(id -> !ledger.isFinal(id)).toList();
    }

    Map<String, String> lastStatus() {
        return Map.copyOf(lastStatus);
    }

    private void loop() {
        while (!stopped) {
            try {
                pollOnce();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                workload.errors.add("tracker: " + e.getMessage());
            }
        }
    }

    void pollOnce() throws InterruptedException {
        List<String> open = new ArrayList<>(open());
        for (int from = 0; from < open.size(); from += 200) {
            for (JsonNode job : client.poll(open.subList(from, Math.min(open.size(), from + 200)))) {
                String id = job.get("id").asString();
                String status = job.get("status").asString();
                lastStatus.put(id, status);
                ledger.observe(id, status, job.get("version").asLong(), PgObserver.terminal(status));
                if (status.equals("needs_action") && confirmed.add(id + ":" + job.get("version").asLong())) {
                    client.confirm(id);
                }
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
