package dev.longrun.spring.api;

import dev.longrun.JobQuery;
import dev.longrun.JobStatus;
import dev.longrun.spring.problem.ApiProblem;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Parses the filters of {@code GET /api/jobs} (comma-separated or repeated), naming the parameter at fault. */
final class JobListParams {

    static final int MAX_IDS = JobQuery.MAX_LIMIT;

    private JobListParams() {
    }

    static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiProblem.invalidField("limit", "limit must be a whole number from 1 to " + max + " (was '" + shorten(value) + "').");
    }

    /** {@code history=true} also lists the jobs the person cleared from their list (kept until retention). */
    static boolean history(String value) {
        return flag("history", value, "also list the jobs you cleared");
    }

    /** {@code counts=true} also answers the counts of the list's status tabs, read at the same moment as the page. */
    static boolean counts(String value) {
        return flag("counts", value, "also give the counts per status, as GET /jobs/counts does");
    }

    private static boolean flag(String name, String value, String trueMeans) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiProblem.invalidField(name, name + " must be true (" + trueMeans + ") or false (was '" + shorten(value) + "').");
    }

    static Set<JobStatus> statuses(List<String> values) {
        Set<JobStatus> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            try {
                out.add(JobStatus.fromValue(v));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("status", "Unknown status '" + shorten(v) + "'; use pending, running, needs_action, succeeded, failed or cancelled.");
            }
        }
        return out;
    }

    static Set<String> types(List<String> values) {
        return new LinkedHashSet<>(split(values));
    }

    static Set<UUID> ids(List<String> values) {
        Set<UUID> out = new LinkedHashSet<>();
        for (String v : split(values)) {
            try {
                out.add(UUID.fromString(v));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("ids", "'" + shorten(v) + "' in ids is not a job id (a UUID).");
            }
        }
        if (out.size() > MAX_IDS) {
            throw ApiProblem.invalidField("ids", "Ask for at most " + MAX_IDS + " ids at once (asked for " + out.size() + ").");
        }
        return out;
    }

    private static List<String> split(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String shorten(String v) {
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }
}
