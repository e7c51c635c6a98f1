package dev.longrun;

/** The job a start returned, and whether it was created now ({@code false}: an active job with the same key existed). */
public record StartResult(Job job, boolean created) {
}
