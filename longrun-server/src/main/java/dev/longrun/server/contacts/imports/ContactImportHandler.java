package dev.longrun.server.contacts.imports;

import dev.longrun.Job;
import dev.longrun.JobCancelledException;
import dev.longrun.JobContext;
import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.LogLevel;
import dev.longrun.PermanentFailure;
import dev.longrun.server.NumberWords;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.contacts.NewContact;
import dev.longrun.server.contacts.imports.ImportProblem.Severity;
import dev.longrun.server.contacts.imports.RowValidator.Checked;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code contacts.import}: first run checks every row and stops in needs_action with a preview; after the
 * user confirms, a second run imports the ready rows in batches. Rows carry the job id, so a cancel, a
 * failure or a retry removes what this job (or the job it retries) had added: never partial, never twice.
 */
public final class ContactImportHandler implements JobHandler<ImportParams> {

    static final int BATCH = 1000;
    /** Problem rows recorded as job items (downloadable as CSV); the counts stay exact beyond this. */
    static final int MAX_PROBLEM_ITEMS = 10_000;

    private final ContactRepository contacts;
    private final ImportUploads uploads;

    public ContactImportHandler(ContactRepository contacts, ImportUploads uploads) {
        this.contacts = contacts;
        this.uploads = uploads;
    }

    @Override
    public JobResult run(JobContext<ImportParams> ctx) throws Exception {
        Job job = ctx.job();
        ImportUploads.Upload upload = uploads.find(ctx.params().uploadId(), job.accountId(), job.userId())
                .orElseThrow(() -> new PermanentFailure("upload_missing", "The uploaded file is no longer available "
                        + "(uploads expire after a while). Upload the file again to start a new import."));
        return ctx.confirmed() ? importRows(ctx, upload) : preview(ctx, upload);
    }

    private JobResult preview(JobContext<ImportParams> ctx, ImportUploads.Upload upload) throws Exception {
        ctx.indeterminate("Checking the rows of " + upload.filename());
        ImportScan scan = new ImportScan(contacts.existingEmails(ctx.job().accountId()));
        int[] recorded = {0};
        try (InputStream in = upload.open()) {
            ContactCsvReader.read(in, row -> {
                Checked checked = scan.accept(row);
                if (!checked.problems().isEmpty() && recorded[0]++ < MAX_PROBLEM_ITEMS) {
                    recordProblem(ctx, row, checked);
                }
                if (scan.parsed() % BATCH == 0) {
                    ctx.throwIfCancelled();
                    ctx.indeterminate("Checking rows of " + upload.filename() + " — " + NumberWords.number(scan.parsed()) + " so far");
                }
            });
        }
        ImportPreview preview = scan.preview(upload.filename());
        if (preview.ready() == 0) {
            throw new PermanentFailure("nothing_to_import", "None of the " + NumberWords.count(preview.rowsParsed(), "row")
                    + " can be imported (" + preview.problems().get(0).sentence()
                    + "). Download the problem rows, fix the file and upload it again.");
        }
        ctx.log(LogLevel.INFO, preview.question());
        return ctx.needsAction("import_preview", preview.question(), preview);
    }

    private JobResult importRows(JobContext<ImportParams> ctx, ImportUploads.Upload upload) throws Exception {
        Job job = ctx.job();
        removeEarlierRows(ctx, job);
        ctx.onCancel(() -> contacts.deleteImported(job.id(), BATCH));
        try {
            return insertReadyRows(ctx, upload);
        } catch (JobCancelledException e) {
            throw e;
        } catch (Exception e) {
            // A failed run leaves nothing behind; the next attempt starts from a clean slate.
            long removed = contacts.deleteImported(job.id(), BATCH);
            ctx.log(LogLevel.WARN, "Import stopped: " + e.getMessage() + ". Removed the " + NumberWords.count(removed, "contact")
                    + " it had added.");
            throw e;
        }
    }

    private void removeEarlierRows(JobContext<ImportParams> ctx, Job job) {
        long removed = contacts.deleteImported(job.id(), BATCH);
        if (job.retryOf() != null) {
            removed += contacts.deleteImported(job.retryOf(), BATCH);
        }
        if (removed > 0) {
            ctx.log(LogLevel.INFO, "Removed " + NumberWords.count(removed, "contact") + " added by an earlier attempt before importing again.");
        }
    }

    private JobResult insertReadyRows(JobContext<ImportParams> ctx, ImportUploads.Upload upload) throws Exception {
        String account = ctx.job().accountId();
        UUID jobId = ctx.job().id();
        ctx.indeterminate("Checking the rows of " + upload.filename() + " again before importing");
        Set<String> existing = contacts.existingEmails(account);
        ImportScan counting = new ImportScan(existing);
        try (InputStream in = upload.open()) {
            ContactCsvReader.read(in, counting::accept);
        }
        long total = counting.ready();
        ImportScan scan = new ImportScan(existing);
        List<NewContact> batch = new ArrayList<>(BATCH);
        long[] done = {0};
        long[] inserted = {0};
        try (InputStream in = upload.open()) {
            ContactCsvReader.read(in, row -> {
                Checked checked = scan.accept(row);
                if (checked.ready()) {
                    batch.add(checked.contact());
                    if (batch.size() == BATCH) {
                        inserted[0] += flush(ctx, account, jobId, batch, done, total);
                    }
                }
            });
        }
        inserted[0] += flush(ctx, account, jobId, batch, done, total);
        ImportPreview outcome = scan.preview(upload.filename());
        long skipped = outcome.errors() + (outcome.ready() - inserted[0]);
        String message = NumberWords.count(inserted[0], "contact") + " imported"
                + (skipped > 0 ? " · " + NumberWords.count(skipped, "row") + " skipped" : "")
                + (outcome.warnings() > 0 ? " · " + NumberWords.number(outcome.warnings()) + " imported without email" : "");
        ctx.log(LogLevel.INFO, message);
        // The counts travel with the result: only problem rows are items (one item per imported row would double the work).
        // The file's name too: the job is named by it on its card and in the list once the preview (which named it) is gone.
        ObjectNode counts = JsonNodeFactory.instance.objectNode()
                .put("filename", upload.filename())
                .put("rows_parsed", outcome.rowsParsed())
                .put("imported", inserted[0])
                .put("skipped", skipped)
                .put("imported_without_email", outcome.warnings());
        return JobResult.message(message).withData(counts);
    }

    private int flush(JobContext<ImportParams> ctx, String account, UUID jobId, List<NewContact> batch, long[] done, long total) {
        if (batch.isEmpty()) {
            return 0;
        }
        ctx.throwIfCancelled();
        int n = contacts.insertBatch(account, batch, jobId);
        ctx.countSucceeded(n); // so the job's summary counts imported rows, not only the problem rows recorded as items
        done[0] += batch.size();
        batch.clear();
        ctx.progress(done[0], total, "Importing row " + NumberWords.number(done[0]) + " of " + NumberWords.number(total));
        return n;
    }

    private static void recordProblem(JobContext<ImportParams> ctx, CsvContactRow row, Checked checked) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("row", row.row());
        detail.put("column", checked.problems().stream().map(ImportProblem::column)
                .filter(c -> c != null).distinct().collect(Collectors.joining(", ")));
        detail.put("name", truncate(row.name()));
        detail.put("email", truncate(row.email()));
        detail.put("company", truncate(row.company()));
        String message = checked.problems().stream().map(ImportProblem::sentence).collect(Collectors.joining("; "));
        detail.put("problem", message);
        JobContext.ItemOutcome item = ctx.item("row " + row.row()).detail(detail);
        if (checked.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
            item.failed(message);
        } else {
            item.warning(message);
        }
    }

    /** Item details keep a readable prefix of a huge field, not the whole megabyte. */
    private static String truncate(String value) {
        return value == null || value.length() <= 300 ? value : value.substring(0, 300) + "…";
    }
}
