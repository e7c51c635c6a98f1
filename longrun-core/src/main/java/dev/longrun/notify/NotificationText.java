package dev.longrun.notify;

import dev.longrun.Job;
import dev.longrun.JobResult;
import dev.longrun.ResultFile;
import dev.longrun.Summary;
import dev.longrun.format.HumanFormat;
import java.time.Duration;
import java.util.function.Function;

/**
 * Writes what a notification says, from the job: "Export contacts is ready" / "48,291 rows, 12.4 MB. Download
 * (link valid for 24 hours)." or the error and the next step. Used by the {@link Dispatcher} at planning time,
 * so the inbox, the email and the webhooks say the same thing. Never includes params or result data (no secrets).
 */
public final class NotificationText {

    private final Function<String, String> labels;
    private final Duration linkTtl;

    /** @param labels job type → its label ("Export contacts"); the type name itself when unknown */
    public NotificationText(Function<String, String> labels, Duration linkTtl) {
        this.labels = labels;
        this.linkTtl = linkTtl;
    }

    public Rendered render(Notification n, Job job) {
        String link = "/jobs/" + n.jobId();
        if (job == null) {
            return new Rendered(n.title(), n.body(), link);
        }
        String label = label(job.type());
        return switch (n.kind()) {
            case SUCCEEDED -> succeeded(label, job, link);
            case FAILED -> new Rendered(label + " failed",
                    sentence(job.errorMessage(), "It stopped with an error.") + " " + failedNextStep(job), link);
            case NEEDS_ACTION -> new Rendered(label + " needs your action",
                    sentence(job.action() == null ? null : job.action().message(), "It is waiting for you.")
                            + " Open the job to review it and continue.", link);
            case CANCELLED -> new Rendered(label + " was stopped",
                    sentence(job.errorMessage(), "It was cancelled by the system, not by you.")
                            + " You can start it again from the job page.", link);
        };
    }

    private Rendered succeeded(String label, Job job, String link) {
        JobResult result = job.result();
        ResultFile file = result == null ? null : result.file();
        if (file != null) {
            StringBuilder body = new StringBuilder();
            if (file.rowCount() != null) {
                body.append(count(file.rowCount(), "row")).append(", ");
            }
            body.append(size(file.sizeBytes())).append(". Download ").append(file.filename())
                    .append(" (link valid for ").append(hours(linkTtl)).append(").");
            return new Rendered(label + " is ready", body.toString(), link);
        }
        String message = result == null ? null : result.message();
        String summary = summary(job.summary());
        String body = message != null ? sentence(message, "") : summary != null ? summary + "." : "It finished without problems.";
        return new Rendered(label + " is done", body, link);
    }

    private static String failedNextStep(Job job) {
        if (job.summary() != null && job.summary().failed() > 0 && job.summary().succeeded() > 0) {
            return "The other items went through; you can retry only the failed ones from the job page.";
        }
        // The job page offers no Retry for a failure the job called permanent (it would fail the same way), only Start over.
        if (Boolean.FALSE.equals(job.errorRetryable())) {
            return "Running it again as it is would fail the same way: fix what the message says, then start it again from the job page.";
        }
        return "You can retry it from the job page; if it fails again, check the message above.";
    }

    private String label(String type) {
        String label = labels.apply(type);
        return label == null || label.isBlank() ? type : label;
    }

    private static String summary(Summary s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        String text = count(s.succeeded(), "item") + " done";
        if (s.failed() > 0) {
            text += ", " + number(s.failed()) + " failed";
        }
        if (s.skipped() > 0) {
            text += ", " + number(s.skipped()) + " skipped";
        }
        return text;
    }

    static String sentence(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    static String count(long n, String noun) {
        return HumanFormat.count(n, noun);
    }

    static String number(long n) {
        return HumanFormat.number(n);
    }

    /** 12.4 MB, 980 KB, 512 bytes: {@link HumanFormat#bytes}, as the job's card shows the same file. */
    static String size(long bytes) {
        return HumanFormat.bytes(bytes);
    }

    static String hours(Duration d) {
        long hours = d.toHours();
        if (hours >= 1 && d.toMinutesPart() == 0) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return count(d.toMinutes(), "minute");
    }
}
