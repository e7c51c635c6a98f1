package dev.longrun.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, recorded with each figure (the benchmark machine is shared). */
final class Load {

    private Load() {
    }

    /** The 1-minute load average from /proc/loadavg, or NaN where there is none. */
    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
