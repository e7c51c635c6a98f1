package dev.longrun;

/** Counts of item outcomes ("47 sent · 3 failed"), written when the job finishes. */
public record Summary(long succeeded, long failed, long skipped, long warnings) {

    public static final Summary EMPTY = new Summary(0, 0, 0, 0);

    public long total() {
        return succeeded + failed + skipped;
    }

    public boolean isEmpty() {
        return succeeded == 0 && failed == 0 && skipped == 0 && warnings == 0;
    }
}
