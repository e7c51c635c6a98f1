package dev.longrun.estimate;

/**
 * Groups job sizes (rows, items) into buckets a factor of about three apart, so a 200-row import
 * is compared with other imports of a few hundred rows, not with one of a million.
 */
final class SizeBuckets {

    private SizeBuckets() {
    }

    /** Half-decades: 1–3, 3–10, 10–31, 31–100, ... */
    static int of(long size) {
        if (size <= 1) {
            return 0;
        }
        return (int) Math.floor(2 * Math.log10(size));
    }
}
