package dev.longrun.bench.chaos;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the observers saw of each job of the run: its first terminal state (status and version) and every job seen
 * changing after that. A finished job never changes again (every transition out of a terminal state is refused by
 * the store), so a later change, or a second terminal version, means the job finished twice.
 */
final class Ledger {

    private record Final(String status, long version) {
    }

    private final Set<String> ours = ConcurrentHashMap.newKeySet();
    private final Map<String, Final> finals = new ConcurrentHashMap<>();
    private final Set<String> finishedTwice = ConcurrentHashMap.newKeySet();

    void track(String jobId) {
        ours.add(jobId);
    }

    boolean tracks(String jobId) {
        return ours.contains(jobId);
    }

    /** One observation (from a NOTIFY or a poll); {@code terminal} says whether {@code status} is final. */
    void observe(String jobId, String status, long version, boolean terminal) {
        if (!ours.contains(jobId)) {
            return;
        }
        Final seen = finals.get(jobId);
        if (seen == null) {
            if (terminal) {
                finals.putIfAbsent(jobId, new Final(status, version));
            }
            return;
        }
        if (version > seen.version() || (version == seen.version() && !status.equals(seen.status()))) {
            finishedTwice.add(jobId);
        }
    }

    boolean isFinal(String jobId) {
        return finals.containsKey(jobId);
    }

    int finishedTwice() {
        return finishedTwice.size();
    }

    Set<String> finishedTwiceIds() {
        return Set.copyOf(finishedTwice);
    }
}
