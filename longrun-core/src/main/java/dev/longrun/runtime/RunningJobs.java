package dev.longrun.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The handlers running on this node right now, by job id. Thread-safe. */
final class RunningJobs {

    private final Map<UUID, RunContext<?>> byId = new ConcurrentHashMap<>();

    void add(RunContext<?> run) {
        byId.put(run.jobId(), run);
    }

    void remove(UUID id) {
        byId.remove(id);
    }

    /** Null when the job does not run here. */
    RunContext<?> get(UUID id) {
        return byId.get(id);
    }

    /** A snapshot of the ids. */
    Set<UUID> ids() {
        return Set.copyOf(byId.keySet());
    }

    /** A snapshot of the runs. */
    List<RunContext<?>> all() {
        return List.copyOf(byId.values());
    }
}
