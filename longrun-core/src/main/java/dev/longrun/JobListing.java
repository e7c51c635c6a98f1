package dev.longrun;

/**
 * A page of a person's jobs list and the counts of its status tabs, read at one moment ({@link Longrun#listWithCounts}).
 */
public record JobListing(JobPage page, JobCounts counts) {
}
