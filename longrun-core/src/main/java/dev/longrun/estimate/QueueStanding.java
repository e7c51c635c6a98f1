package dev.longrun.estimate;

/** Position (1-based) of a pending job among the runnable pending jobs of its queue, and their count. */
public record QueueStanding(int position, int size) {
}
