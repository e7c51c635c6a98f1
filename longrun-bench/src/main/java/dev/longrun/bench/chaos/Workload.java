package dev.longrun.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The jobs of a chaos run, started through the API at an even pace: 70 % demo waits (1–4 s, with or without steps),
 * 20 % invitations to 3–10 seeded contacts (an outbox message per contact), 10 % imports of 10–30 new contacts
 * (upload, then confirm the preview). Each start has its own Idempotency-Key; one start in twenty is sent twice, to
 * two nodes, and must get the same job both times.
 */
final class Workload {

    /** A job the run started: its type and, for imports, how many rows it must import. */
    record Started(String id, String type, int rows) {
    }

    private final ChaosClient client;
    private final Ledger ledger;
    private final Random random;
    private final List<Long> contacts;
    final Map<String, Started> started = new ConcurrentHashMap<>();
    final AtomicInteger duplicateStartsAnsweredWithAnotherJob = new AtomicInteger();
    final AtomicInteger failedStarts = new AtomicInteger();
    final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

    Workload(ChaosClient client, Ledger ledger, long seed, List<Long> contacts) {
        this.client = client;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.contacts = contacts;
    }

    /** Starts {@code jobs} jobs evenly over {@code millis}; returns when every start was answered. */
    void run(int jobs, long millis) throws InterruptedException {
        long begin = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < jobs; i++) {
                long due = begin + (long) i * millis * 1_000_000L / jobs;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
                Runnable start = next(i);
                pool.submit(() -> {
                    try {
                        start.run();
                    } catch (RuntimeException e) {
                        failedStarts.incrementAndGet();
                        errors.add(e.getMessage());
                    }
                });
            }
        }
    }

    private synchronized Runnable next(int n) {
        int pick = random.nextInt(100);
        boolean twice = random.nextInt(20) == 0;
        String key = "chaos-" + n + "-" + UUID.randomUUID();
        if (pick < 70) {
            String params = "{\"seconds\":" + (1 + random.nextInt(4)) + ",\"steps\":" + random.nextInt(5) + "}";
            return () -> start("demo.wait", params, key, twice, 0);
        }
        if (pick < 90) {
            List<Long> ids = new ArrayList<>();
            int count = 3 + random.nextInt(8);
            for (int i = 0; i < count; i++) {
                ids.add(contacts.get(random.nextInt(contacts.size())));
            }
            String params = "{\"contact_ids\":" + ids.stream().distinct().toList() + "}";
            return () -> start("contacts.invite", params, key, twice, 0);
        }
        int rows = 10 + random.nextInt(21);
        StringBuilder csv = new StringBuilder("name,email,company\n");
        for (int r = 0; r < rows; r++) {
            csv.append("Chaos ").append(n).append('-').append(r).append(',').append("c").append(n).append('-').append(r)
                    .append('-').append(key.substring(key.length() - 8)).append("@chaos.example,Chaos Inc\n");
        }
        return () -> {
            String upload = call(() -> client.upload("chaos-" + n + ".csv", csv.toString()));
            start("contacts.import", "{\"upload_id\":\"" + upload + "\"}", key, twice, rows);
        };
    }

    private void start(String type, String params, String key, boolean twice, int rows) {
        JsonNode job = call(() -> client.start(type, params, key));
        String id = job.get("id").asString();
        ledger.track(id);
        started.put(id, new Started(id, type, rows));
        if (twice) {
            JsonNode again = call(() -> client.start(type, params, key));
            if (!again.get("id").asString().equals(id)) {
                duplicateStartsAnsweredWithAnotherJob.incrementAndGet();
                ledger.track(again.get("id").asString());
                started.put(again.get("id").asString(), new Started(again.get("id").asString(), type, rows));
            }
        }
    }

    interface Call<T> {
        T run() throws InterruptedException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
