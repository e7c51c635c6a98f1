package dev.longrun;

/** A rounded time range for the user ("About 2–4 minutes"); absent (null) when it would mislead. */
public record Eta(long lowSeconds, long highSeconds, String text) {
}
