package dev.longrun.server.reports;

import dev.longrun.Job;
import dev.longrun.JobContext;
import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.ResultFile;
import dev.longrun.server.NumberWords;
import dev.longrun.server.contacts.Contact;
import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * {@code reports.generate}: four steps ("Collecting data", "Computing totals", "Rendering", "Writing PDF"),
 * each with its own sub-progress in the step label, ending in a real PDF result file. When started with
 * {@code depends_on} an export, the engine holds it until the export succeeded and the report cites it.
 */
public final class ReportHandler implements JobHandler<ReportParams> {

    static final int STEPS = 4;
    static final int PAGE = 2000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ContactRepository contacts;
    private final Function<UUID, Optional<Job>> jobs;

    public ReportHandler(ContactRepository contacts, Function<UUID, Optional<Job>> jobs) {
        this.contacts = contacts;
        this.jobs = jobs;
    }

    @Override
    public JobResult run(JobContext<ReportParams> ctx) throws Exception {
        Job job = ctx.job();
        ReportParams params = ctx.params() == null ? new ReportParams(null) : ctx.params();
        Optional<Job> export = exportOf(job);
        ContactStats stats = collect(ctx, job.accountId(), export);

        ctx.step(2, STEPS, "Computing totals");
        ctx.throwIfCancelled();
        long companies = stats.companies.size();
        ctx.step(2, STEPS, "Computing totals — " + NumberWords.count(companies, "company") + ", "
                + NumberWords.count(stats.domains.size(), "email domain"));

        ctx.step(3, STEPS, "Rendering — section 1 of " + ReportPdf.SECTIONS);
        String subtitle = job.accountId() + " · generated " + STAMP.format(ctx.clock().instant()) + " for " + job.userId();
        byte[] pdf = ReportPdf.render(params.effectiveTitle(), subtitle, basedOn(job), stats, done -> {
            ctx.throwIfCancelled();
            if (done < ReportPdf.SECTIONS) {
                ctx.step(3, STEPS, "Rendering — section " + (done + 1) + " of " + ReportPdf.SECTIONS);
            }
        });

        ctx.step(4, STEPS, "Writing PDF (" + NumberWords.bytes(pdf.length) + ")");
        String filename = "contacts-report-" + ctx.clock().instant().atZone(ZoneOffset.UTC).toLocalDate() + ".pdf";
        ResultFile file = ctx.resultFile(filename, "application/pdf", out -> {
            out.write(pdf);
            return null;
        });
        return JobResult.file(file, "Report on " + NumberWords.count(stats.contacts, "contact") + " ready ("
                + NumberWords.bytes(file.sizeBytes()) + " PDF)");
    }

    /**
     * The contacts the report covers: after an export, those matching the export's query, so "Report on 2,992
     * contacts" matches the export's 2,992 rows (unless contacts changed in between); otherwise all of the account's.
     */
    private ContactStats collect(JobContext<ReportParams> ctx, String account, Optional<Job> export) {
        ContactFilter filter = export.map(ReportHandler::queryOf).map(ContactFilter::of).orElse(ContactFilter.ALL);
        long total = contacts.count(account, filter);
        ctx.step(1, STEPS, "Collecting data — 0 of " + NumberWords.count(total, "contact"));
        ContactStats stats = new ContactStats();
        long after = 0;
        while (true) {
            ctx.throwIfCancelled();
            List<Contact> page = contacts.page(account, filter, after, PAGE);
            if (page.isEmpty()) {
                return stats;
            }
            page.forEach(stats::add);
            after = page.get(page.size() - 1).id();
            ctx.step(1, STEPS, "Collecting data — " + NumberWords.number(stats.contacts) + " of " + NumberWords.count(Math.max(total, stats.contacts), "contact"));
        }
    }

    private Optional<Job> exportOf(Job job) {
        return job.dependsOn() == null ? Optional.empty()
                : jobs.apply(job.dependsOn()).filter(j -> j.result() != null && j.result().file() != null);
    }

    private static String queryOf(Job export) {
        JsonNode query = export.params() == null ? null : export.params().get("query");
        return query == null || query.isNull() ? null : query.asString();
    }

    /** "Based on export contacts-2026-11-23.csv (48,291 rows)" when the job depended on an export that produced a file. */
    private String basedOn(Job job) {
        if (job.dependsOn() == null) {
            return null;
        }
        return jobs.apply(job.dependsOn())
                .filter(j -> j.result() != null && j.result().file() != null)
                .map(j -> "Based on export " + j.result().file().filename()
                        + (j.result().file().rowCount() == null ? "" : " (" + NumberWords.count(j.result().file().rowCount(), "row") + ")")
                        + " finished " + (j.completedAt() == null ? "" : STAMP.format(j.completedAt())))
                .orElse("Based on job " + job.dependsOn());
    }
}
