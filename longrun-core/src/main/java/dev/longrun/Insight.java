package dev.longrun;

/**
 * What the status screen adds to a job: where it stands in its queue and how long it may take.
 * Every field may be null when unknown or misleading.
 *
 * @param queuePosition  1-based position among the runnable pending jobs of its queue; null when the job is not in
 *                       line, or when more than {@code queueMoreThan} jobs are in line before or with it
 * @param queueSize      runnable pending jobs in that queue; null when not in line or more than {@code queueMoreThan}
 * @param queueMoreThan  set while the job is in line and the line is longer than was counted (1,000): then the size is
 *                       "more than 1,000" and a null position is "over 1,000"; null otherwise
 * @param startEta       expected wait before the job starts (pending only)
 * @param eta            time remaining (running), or expected duration (pending)
 */
public record Insight(Integer queuePosition, Integer queueSize, Integer queueMoreThan, Eta startEta, Eta eta) {
    public static final Insight NONE = new Insight(null, null, null, null, null);
}
