package dev.longrun.estimate;

/**
 * Where a pending job stands among the runnable pending jobs of its queue. The store counts only the first
 * {@link #COUNTED} of them (plus one, to know whether there are more), so that a read costs the same however long the
 * queue grows: a start answered "position 48,213 of 51,000" by counting the whole queue, hundreds of times a second.
 * Up to the limit the figures are exact; beyond it they are null and {@code moreThan} says how far they were counted.
 *
 * @param position 1-based place in line, or null when more than {@code moreThan} jobs are in line before or with it
 * @param size     jobs in line, or null when there are more than {@code moreThan}
 * @param moreThan {@link #COUNTED} when the line is longer than that (size null), else null
 */
public record QueueStanding(Integer position, Integer size, Integer moreThan) {

    /** How many jobs of a line are counted: positions and sizes up to this are exact. */
    public static final int COUNTED = 1_000;

    public QueueStanding {
        if (position != null && size != null && position > size) {
            throw new IllegalArgumentException("position " + position + " beyond the " + size + " jobs in line");
        }
        if ((size == null) != (moreThan != null) || (position == null && size != null)) {
            throw new IllegalArgumentException("an exact size, or a line longer than it was counted: " + position + "/" + size + "/" + moreThan);
        }
    }

    /** An exact standing: the whole line was counted. */
    public static QueueStanding exact(int position, int size) {
        return new QueueStanding(position, size, null);
    }

    /**
     * From the first {@code limit + 1} jobs of a line in claim order, the job among them or after them.
     *
     * @param counted how many of those there were (at most {@code limit + 1}; at least 1, the job itself)
     * @param ahead   how many jobs of the line come before the job ({@code limit} or more: past the count)
     */
    public static QueueStanding counted(int counted, int ahead, int limit) {
        boolean longer = counted > limit;
        Integer position = ahead < limit ? ahead + 1 : null;
        return new QueueStanding(position, longer ? null : counted, longer ? limit : null);
    }
}
