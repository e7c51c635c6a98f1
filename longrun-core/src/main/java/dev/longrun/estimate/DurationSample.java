package dev.longrun.estimate;

/** One past successful run of a type: how long it ran and how many units it counted (null if none). */
public record DurationSample(long millis, Long total) {
}
