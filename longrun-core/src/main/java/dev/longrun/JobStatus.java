package dev.longrun;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The states of a job. Each constant says who moves a job into it; {@link #canMoveTo} is the one
 * table of allowed transitions, and every store UPDATE names the state it expects.
 */
public enum JobStatus {
    /** Created by {@code start}, by a retry with backoff, by the rescuer after a lost lease, or by a confirm. Waits for a worker. */
    PENDING("Queued"),
    /** Claimed by a worker, which holds a lease renewed by heartbeats. */
    RUNNING("In progress"),
    /** The handler stopped to ask the user something (an import preview); a confirm sends it back to pending. */
    NEEDS_ACTION("Needs action"),
    /** The handler returned a result. Terminal. */
    SUCCEEDED("Completed"),
    /** Permanent error, attempts exhausted, timed out, lost worker on the last attempt, or a failed dependency. Terminal. */
    FAILED("Failed"),
    /** Cancelled by the user (at once when pending, when the worker stops when running). Terminal. */
    CANCELLED("Cancelled");

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(RUNNING, CANCELLED, FAILED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, NEEDS_ACTION, PENDING, CANCELLED),
            NEEDS_ACTION, EnumSet.of(PENDING, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    private final String label;

    JobStatus(String label) {
        this.label = label;
    }

    /** The plain-language label people see ("Queued", "In progress", ...). */
    public String label() {
        return label;
    }

    /** The value stored in the database and sent in JSON ({@code needs_action}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromValue(String value) {
        for (JobStatus s : values()) {
            if (s.value().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown job status '" + value + "'; expected one of pending, running, needs_action, succeeded, failed, cancelled");
    }

    public boolean canMoveTo(JobStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Active jobs block a second start with the same idempotency key. */
    public boolean isActive() {
        return !isTerminal();
    }

    public static Set<JobStatus> active() {
        return EnumSet.of(PENDING, RUNNING, NEEDS_ACTION);
    }
}
