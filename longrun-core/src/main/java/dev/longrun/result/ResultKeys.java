package dev.longrun.result;

import java.util.UUID;

/** Storage keys every result store uses: {@code <job id>/<random>-<safe filename>}, so a job's files share a prefix. */
public final class ResultKeys {

    private ResultKeys() {
    }

    /** A new key for a file of {@code jobId}; the name keeps only characters safe in paths and object keys. */
    public static String newKey(UUID jobId, String filename) {
        return jobPrefix(jobId) + UUID.randomUUID().toString().substring(0, 8) + "-" + safe(filename);
    }

    /** The prefix of every key of one job (ends with {@code /}). */
    public static String jobPrefix(UUID jobId) {
        return jobId + "/";
    }

    static String safe(String filename) {
        String name = filename == null ? "result" : filename.replaceAll("[^A-Za-z0-9._-]", "_");
        if (name.isBlank() || name.startsWith(".")) {
            name = "result" + name;
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }
}
