package dev.longrun.bench.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;

/**
 * SSE fan-out latency: N subscribers on one {@code demo.wait} job that moves one step a second. The server stamps each
 * change with its wall clock ({@code updated_at}, written with the change); the client stamps each frame's arrival
 * with the same machine's wall clock, so their difference is the time from the progress write to the frame at a
 * client (write, commit, event dispatch, re-read, render, the container's write, loopback, the client's read). Only
 * changes made after every subscriber was connected and the warm-up passed count. The streams are read by
 * {@link SelectorStreams} (one thread), so the client takes little of the two cores the server runs on.
 */
final class FanOut {

    /**
     * The measured latencies in microseconds, sorted, with how the run went; {@code sortedMicrosBeforeFinal} leaves out
     * the frames of the job's final state, whose fan-out also ends every response (the streams end with the job).
     */
    record Result(int subscribers, int connected, double openSeconds, int changes, List<Long> sortedMicros, int incomplete,
                  Cpu cpu, PerChange perChange, List<SlowChange> slowest, List<Long> sortedMicrosBeforeFinal,
                  List<ClientGcPauses.Pause> clientPauses, SlowChange finalState) {

        double percentileMillis(double p) {
            return FanOut.percentileMillis(sortedMicros, p);
        }
    }

    /** The {@code p}th percentile of sorted microseconds, in milliseconds; NaN for none. */
    static double percentileMillis(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return sortedMicros.get(Math.max(0, Math.min(sortedMicros.size() - 1, i))) / 1000.0;
    }

    /**
     * CPU seconds of the server and of this client (the JVM reading the 1,000 streams) over the measured window, and
     * the window's length: on one 2-core machine the client's reading competes with the server's writing.
     */
    record Cpu(double serverSeconds, double clientSeconds, double windowSeconds) {
    }

    /**
     * Each change's latency split in two, in microseconds, sorted: to its first subscriber's frame (the write, commit,
     * dispatch and one write: what no fan-out can avoid) and from the first subscriber's frame to the last (what
     * writing to 1,000 subscribers adds). A stall of the whole machine shows in the first, the fan-out's own cost in
     * the second.
     */
    record PerChange(List<Long> firstMicros, List<Long> spreadMicros) {

        static PerChange of(java.util.Map<Long, long[]> minMaxByVersion) {
            List<Long> first = new ArrayList<>();
            List<Long> spread = new ArrayList<>();
            minMaxByVersion.values().forEach(mm -> {
                first.add(mm[0]);
                spread.add(mm[1] - mm[0]);
            });
            first.sort(null);
            spread.sort(null);
            return new PerChange(first, spread);
        }

        static double medianMillis(List<Long> sorted) {
            return sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2) / 1000.0;
        }

        static double maxMillis(List<Long> sorted) {
            return sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1000.0;
        }
    }

    /**
     * One of the changes whose fan-out took longest, with wall-clock times to lay next to the server's GC and JFR logs:
     * when the server stamped it, when its first and last frames arrived, and the largest gap between two of its frames
     * arriving (a stall shows as one big gap, a slow fan-out as none).
     */
    record SlowChange(long version, boolean isFinal, Instant stamped, Instant first, Instant last, Instant gapStart, long gapMicros) {

        static SlowChange of(long version, boolean isFinal, Instant stamped, List<Instant> arrivals) {
            List<Instant> sorted = new ArrayList<>(arrivals);
            sorted.sort(null);
            Instant gapStart = sorted.getFirst();
            long gap = 0;
            for (int i = 1; i < sorted.size(); i++) {
                long us = Duration.between(sorted.get(i - 1), sorted.get(i)).toNanos() / 1000;
                if (us > gap) {
                    gap = us;
                    gapStart = sorted.get(i - 1);
                }
            }
            return new SlowChange(version, isFinal, stamped, sorted.getFirst(), sorted.getLast(), gapStart, gap);
        }

        long spreadMicros() {
            return Duration.between(first, last).toNanos() / 1000;
        }
    }

    private FanOut() {
    }

    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * The job runs {@code warmup + seconds} with one step a second. Changes in the first {@code warmup} seconds after all
     * subscribers connected are delivered but not measured: a fresh server spends them compiling (in a profile of the
     * first 20 s, C1 and C2 compiler threads took 44 % of the server's CPU and the interpreter 10 % more), which is
     * not what a node that has been up for a while pays per frame.
     */
    static Result run(ServerUnderTest server, BenchApi api, int subscribers, int seconds, int warmup, int finishesFirst) throws Exception {
        finishFirst(server, api, finishesFirst);
        JsonNode job = api.startWait(warmup + seconds, warmup + seconds);
        String id = job.get("id").asString();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        java.util.Map<Long, long[]> minMax = new java.util.concurrent.ConcurrentHashMap<>();
        // Read on the selector thread only while frames flow, and after the streams are closed.
        java.util.Map<Long, List<Instant>> arrivals = new java.util.HashMap<>();
        java.util.Map<Long, Instant> stampedAt = new java.util.HashMap<>();
        java.util.Map<Long, Instant> stampOf = new java.util.HashMap<>();
        CountDownLatch connected = new CountDownLatch(subscribers);
        CountDownLatch ended = new CountDownLatch(subscribers);
        AtomicInteger sawEnd = new AtomicInteger();
        long[] finalVersion = {-1};
        AtomicReference<Instant> windowStart = new AtomicReference<>(Instant.MAX);
        boolean[] first = new boolean[subscribers];
        SelectorStreams.Listener listener = new SelectorStreams.Listener() {
            @Override
            public void frame(int stream, EventStream.Frame frame) {
                if (!first[stream]) {
                    first[stream] = true;
                    connected.countDown();
                    return;
                }
                // Two fields picked out of the frame instead of a full JSON parse keep the client's own cost low, and every
                // subscriber's frame of a version carries the same stamp: parsed once, not 1,000 times.
                long version = Long.parseLong(field(frame.data(), "version"));
                Instant stamped = stampOf.get(version);
                if (stamped == null) {
                    stamped = Instant.parse(field(frame.data(), "updated_at"));
                    stampOf.put(version, stamped);
                }
                if (stamped.isAfter(windowStart.get())) {
                    long us = Duration.between(stamped, frame.receivedAt()).toNanos() / 1000;
                    micros.add(us);
                    long[] mm = minMax.computeIfAbsent(version, v -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
                    mm[0] = Math.min(mm[0], us);
                    mm[1] = Math.max(mm[1], us);
                    arrivals.computeIfAbsent(version, v -> new ArrayList<>()).add(frame.receivedAt());
                    stampedAt.put(version, stamped);
                }
                if (frame.data().contains("\"status\":\"succeeded\"")) {
                    sawEnd.incrementAndGet();
                    finalVersion[0] = version;
                }
            }

            @Override
            public void ended(int stream) {
                ended.countDown();
            }
        };
        long openStart = System.nanoTime();
        try (SelectorStreams streams = new SelectorStreams(new InetSocketAddress("127.0.0.1", server.port()), "/api/jobs/" + id + "/events",
                api.headers(), subscribers, listener)) {
            streams.start();
            boolean allConnected = connected.await(90, TimeUnit.SECONDS);
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            Thread.sleep(warmup * 1000L);
            // The client's young collections stamp the frames that arrive during them late (its pauses were up to 200 ms
            // on a loaded machine): it starts the window with an empty young generation, and reports its pauses in it.
            System.gc();
            ClientGcPauses clientPauses = new ClientGcPauses();
            windowStart.set(Instant.now());
            long windowNanos = System.nanoTime();
            Duration serverBefore = server.cpu();
            Duration clientBefore = ownCpu();
            ended.await(seconds + 90L, TimeUnit.SECONDS);
            Cpu cpu = new Cpu(server.cpu().minus(serverBefore).toNanos() / 1e9, ownCpu().minus(clientBefore).toNanos() / 1e9,
                    (System.nanoTime() - windowNanos) / 1e9);
            List<Long> sorted = new ArrayList<>(micros);
            sorted.sort(null);
            clientPauses.close();
            int changes = minMax.size();
            int connectedCount = allConnected ? subscribers : (int) (subscribers - connected.getCount());
            streams.close(); // the selector thread has stopped: its maps may be read here
            List<SlowChange> slowest = arrivals.entrySet().stream()
                    .map(e -> SlowChange.of(e.getKey(), e.getKey() == finalVersion[0], stampedAt.get(e.getKey()), e.getValue()))
                    .sorted(java.util.Comparator.comparingLong(SlowChange::spreadMicros).reversed()).limit(5).toList();
            List<Long> beforeFinal = new ArrayList<>();
            arrivals.forEach((version, at) -> {
                if (version != finalVersion[0]) {
                    at.forEach(a -> beforeFinal.add(Duration.between(stampedAt.get(version), a).toNanos() / 1000));
                }
            });
            beforeFinal.sort(null);
            SlowChange finalState = arrivals.containsKey(finalVersion[0])
                    ? SlowChange.of(finalVersion[0], true, stampedAt.get(finalVersion[0]), arrivals.get(finalVersion[0])) : null;
            return new Result(subscribers, connectedCount, openSeconds, changes, sorted, subscribers - sawEnd.get(), cpu,
                    PerChange.of(minMax), slowest, beforeFinal, clientPauses.pauses(), finalState);
        }
    }

    /**
     * Runs {@code count} short jobs to their end, each watched by 10 streams, before the measured job starts. The measured
     * job's final state is otherwise the first job to finish in the server's life: its finish write, its notification,
     * its view with a result and its streams' ends all run for the first time (class loading, serialisers built,
     * statements prepared, interpreted code), which a node that has been up for a while does not pay; the warm-up seconds
     * cover that for progress changes only.
     */
    static void finishFirst(ServerUnderTest server, BenchApi api, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String id = api.startWait(1, 1).get("id").asString();
            CountDownLatch ended = new CountDownLatch(10);
            try (SelectorStreams streams = new SelectorStreams(new InetSocketAddress("127.0.0.1", server.port()), "/api/jobs/" + id + "/events",
                    api.headers(), 10, new SelectorStreams.Listener() {
                        @Override
                        public void frame(int stream, EventStream.Frame frame) {
                        }

                        @Override
                        public void ended(int stream) {
                            ended.countDown();
                        }
                    })) {
                streams.start();
                if (!ended.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("A warm-up job's streams did not end within 60 s");
                }
            }
        }
    }

    /** The value of a top-level string or number field of the job JSON the server writes (no spaces, snake_case). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            throw new IllegalStateException("No " + name + " in frame: " + json);
        }
        int start = at + key.length();
        if (json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(start, end);
    }

}
