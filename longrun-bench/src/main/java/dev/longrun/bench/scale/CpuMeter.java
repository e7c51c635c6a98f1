package dev.longrun.bench.scale;

import dev.longrun.bench.engine.BenchDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent during one drain by the PostgreSQL server (its postmaster and every child, also those that exited
 * meanwhile: their time is added to the postmaster's) and by this JVM, per job. A drain on two cores is CPU-bound, so
 * this says which side a change saved on, and it barely moves with the machine's load, unlike jobs per second. The
 * server's part needs it on this machine with a readable /proc; otherwise only the JVM's is shown.
 */
final class CpuMeter {

    /** Linux's clock ticks per second for /proc times (USER_HZ), 100 on every common kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private final long postmaster;
    private final long serverTicks;
    private final long jvmNanos;

    private CpuMeter(long postmaster) {
        this.postmaster = postmaster;
        this.serverTicks = postmaster > 0 ? serverTicks(postmaster) : -1;
        this.jvmNanos = jvmNanos();
    }

    /** Starts measuring; {@code db} finds the server (the parent of its own backend). */
    static CpuMeter start(BenchDatabase db) {
        long backend = db.queryLong("SELECT pg_backend_pid()");
        long parent;
        try {
            parent = Long.parseLong(stat(Path.of("/proc/" + backend + "/stat"))[1]);
        } catch (IOException | RuntimeException e) {
            parent = -1; // the server runs elsewhere
        }
        return new CpuMeter(parent);
    }

    /** CPU time since {@link #start}, in µs: the server's (NaN when it runs elsewhere) and this JVM's. */
    record Spent(double serverMicros, double jvmMicros) {
    }

    Spent spent() {
        double server = serverTicks < 0 ? Double.NaN : (serverTicks(postmaster) - serverTicks) / TICKS_PER_SECOND * 1e6;
        return new Spent(server, (jvmNanos() - jvmNanos) / 1e3);
    }

    /** "CPU per job: PostgreSQL 55.5 µs, JVM 16.0 µs" for the time since {@link #start}. */
    String perJob(int jobs) {
        Spent spent = spent();
        String server = Double.isNaN(spent.serverMicros()) ? "PostgreSQL not measured"
                : String.format(Locale.ROOT, "PostgreSQL %.1f µs", spent.serverMicros() / jobs);
        return String.format(Locale.ROOT, "CPU per job: %s, JVM %.1f µs", server, spent.jvmMicros() / jobs);
    }

    private static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The postmaster's own and reaped children's user and system time, plus that of its live children. */
    private static long serverTicks(long postmaster) {
        try {
            String[] own = stat(Path.of("/proc/" + postmaster + "/stat"));
            long ticks = sum(own, 11, 12, 13, 14);
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path p : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String[] f = stat(p.resolve("stat"));
                        if (Long.parseLong(f[1]) == postmaster) {
                            ticks += sum(f, 11, 12);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited between the listing and the read: its time is in the postmaster's by now
                    }
                }
            }
            return ticks;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Fields of /proc/PID/stat after the command name (which may hold spaces): [0] state, [1] ppid, [11] utime ... */
    private static String[] stat(Path file) throws IOException {
        String s = Files.readString(file);
        return s.substring(s.lastIndexOf(')') + 2).split(" ");
    }

    private static long sum(String[] fields, int... at) {
        long total = 0;
        for (int i : at) {
            total += Long.parseLong(fields[i]);
        }
        return total;
    }
}
