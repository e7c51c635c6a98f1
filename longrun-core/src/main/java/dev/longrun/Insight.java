package dev.longrun;

/**
 * What the status screen adds to a job: where it stands in its queue and how long it may take.
 * Every field may be null when unknown or misleading.
 *
 * @param queuePosition 1-based position among pending jobs of its queue that run before or with it
 * @param queueSize     pending jobs in that queue
 * @param startEta      expected wait before the job starts (pending only)
 * @param eta           time remaining (running), or expected duration (pending)
 */
public record Insight(Integer queuePosition, Integer queueSize, Eta startEta, Eta eta) {
    public static final Insight NONE = new Insight(null, null, null, null);
}
