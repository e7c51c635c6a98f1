package dev.longrun.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The counts of a chaos run, as the table of docs/BENCHMARKS.md, and which of them break a promise. */
public record ChaosReport(int nodes, int kills, String postgresOutage, long started, long jobsInDatabase,
                          Map<String, Long> byStatus, long lost, long finishedTwice, long duplicateStartsWithAnotherJob,
                          long failedStarts, long invitationsSent, long emailsSentTwice, long importRowsImportedTwice,
                          long rescues, long reruns, long rerunsNotExplainedByKills, Duration longestTakeover, Duration medianTakeover, int takeoversMeasured,
                          long clientRequests, long clientServerErrors, long clientRefusedOrTimedOut, Duration runTime,
                          String loadBefore, String loadAfter) {

    public long terminal() {
        return byStatus.getOrDefault("succeeded", 0L) + byStatus.getOrDefault("failed", 0L) + byStatus.getOrDefault("cancelled", 0L);
    }

    /** Broken promises: anything lost, anything done twice, any start that failed or made a second job. */
    public List<String> failures() {
        List<String> out = new ArrayList<>();
        if (lost > 0) out.add(lost + " jobs lost (not finished, or gone)");
        if (finishedTwice > 0) out.add(finishedTwice + " jobs finished twice");
        if (jobsInDatabase != started) out.add(jobsInDatabase + " jobs in the database for " + started + " started");
        if (duplicateStartsWithAnotherJob > 0) out.add(duplicateStartsWithAnotherJob + " repeated starts got another job");
        if (failedStarts > 0) out.add(failedStarts + " starts failed");
        if (emailsSentTwice > 0) out.add(emailsSentTwice + " invitations sent twice");
        if (importRowsImportedTwice > 0) out.add(importRowsImportedTwice + " import rows imported twice");
        return out;
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("| what | count |\n|---|---:|\n");
        row(b, "server nodes", nodes);
        row(b, "SIGKILLs (each node started again)", kills);
        b.append("| PostgreSQL outage mid-run | ").append(postgresOutage).append(" |\n");
        row(b, "jobs started (HTTP, Idempotency-Key each)", started);
        row(b, "jobs in the database", jobsInDatabase);
        row(b, "jobs terminal", terminal());
        b.append("| … of which succeeded / failed / cancelled | ").append(byStatus.getOrDefault("succeeded", 0L)).append(" / ")
                .append(byStatus.getOrDefault("failed", 0L)).append(" / ").append(byStatus.getOrDefault("cancelled", 0L)).append(" |\n");
        row(b, "jobs lost", lost);
        row(b, "jobs finished twice", finishedTwice);
        row(b, "repeated starts (same key, other node) answered with another job", duplicateStartsWithAnotherJob);
        row(b, "invitations sent (outbox messages)", invitationsSent);
        row(b, "invitations sent twice (items processed twice)", emailsSentTwice);
        row(b, "import rows imported twice", importRowsImportedTwice);
        row(b, "rescues (jobs of dead nodes returned to the queue)", rescues);
        row(b, "re-runs (attempts beyond the first)", reruns);
        row(b, "… of jobs no killed node held (outage retries, or leases lost by live nodes)", rerunsNotExplainedByKills);
        b.append("| longest wait of a dead node's job before another node took it | ").append(seconds(longestTakeover))
                .append(" |\n| median of those waits (").append(takeoversMeasured).append(" jobs) | ").append(seconds(medianTakeover)).append(" |\n");
        row(b, "client requests", clientRequests);
        row(b, "5xx answers seen by clients", clientServerErrors);
        row(b, "requests refused or timed out (node dead), retried on another node", clientRefusedOrTimedOut);
        b.append("| run time | ").append(seconds(runTime)).append(" |\n");
        b.append("| load average (1, 5, 15 min) before / after | ").append(loadBefore).append(" / ").append(loadAfter).append(" |\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String what, long n) {
        b.append("| ").append(what).append(" | ").append(String.format("%,d", n)).append(" |\n");
    }

    private static String seconds(Duration d) {
        return d == null ? "–" : String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
