package dev.longrun.runtime;

import dev.longrun.Action;
import dev.longrun.JobResult;

/** How one run of a handler ended, before it is written. */
sealed interface Outcome {

    record Succeeded(JobResult result) implements Outcome {
    }

    record NeedsAction(Action action) implements Outcome {
    }

    record Cancelled() implements Outcome {
    }

    /** The user must fix something; never retried. */
    record Failed(String code, String message) implements Outcome {
    }

    /** Anything else: retried while attempts remain. */
    record Transient(Throwable error) implements Outcome {
    }

    /** The runtime already wrote the outcome (timeout) or handed the job back (shutdown). */
    record StoppedByRuntime() implements Outcome {
    }
}
