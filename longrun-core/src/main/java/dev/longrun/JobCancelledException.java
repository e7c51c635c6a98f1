package dev.longrun;

/** Thrown by {@link JobContext#throwIfCancelled()}; the runtime turns it into the cancelled state. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("The job was cancelled", null, false, false);
    }
}
