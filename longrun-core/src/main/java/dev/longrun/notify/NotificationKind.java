package dev.longrun.notify;

import dev.longrun.JobStatus;
import java.util.Locale;

/** What happened to the job a notification is about; written by the jobs trigger from the new status. */
public enum NotificationKind {
    SUCCEEDED, FAILED, NEEDS_ACTION, CANCELLED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public JobStatus status() {
        return JobStatus.valueOf(name());
    }
}
