package dev.longrun.server.contacts.export;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.longrun.JobContext;
import dev.longrun.JobHandler;
import dev.longrun.JobResult;
import dev.longrun.ResultFile;
import dev.longrun.server.NumberWords;
import dev.longrun.server.contacts.Contact;
import dev.longrun.server.contacts.ContactFilter;
import dev.longrun.server.contacts.ContactRepository;
import dev.longrun.server.contacts.SpreadsheetSafe;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code contacts.export}: streams the account's (filtered) contacts, page by page, into a CSV result file
 * with counted progress. Formula-like cells are neutralised; the engine deletes the partial file on cancel.
 */
public final class ContactExportHandler implements JobHandler<ExportParams> {

    static final int PAGE = 2000;
    static final String[] HEADER = {"id", "name", "email", "company", "created_at"};

    private final ContactRepository contacts;

    public ContactExportHandler(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Override
    public JobResult run(JobContext<ExportParams> ctx) throws Exception {
        String account = ctx.job().accountId();
        ContactFilter filter = ContactFilter.of(ctx.params() == null ? null : ctx.params().query());
        ctx.indeterminate("Counting contacts");
        long total = contacts.count(account, filter);
        String filename = "contacts-" + LocalDate.now(ctx.clock()) + ".csv";
        ResultFile file = ctx.resultFile(filename, "text/csv", out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write('\uFEFF'); // lets Excel open the UTF-8 file with accents intact
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).quoteStrategy(SpreadsheetSafe.QUOTING).build(writer);
            csv.writeRecord(HEADER);
            long written = 0;
            long after = 0;
            ctx.progress(0, total, "Exporting contact 0 of " + NumberWords.number(total));
            while (true) {
                ctx.throwIfCancelled();
                List<Contact> page = contacts.page(account, filter, after, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                for (Contact c : page) {
                    csv.writeRecord(Long.toString(c.id()), SpreadsheetSafe.cell(c.name()), SpreadsheetSafe.cell(c.email()),
                            SpreadsheetSafe.cell(c.company()), c.createdAt());
                }
                written += page.size();
                after = page.get(page.size() - 1).id();
                ctx.progress(Math.min(written, Math.max(total, written)), Math.max(total, written),
                        "Exporting contact " + NumberWords.number(written) + " of " + NumberWords.number(Math.max(total, written)));
            }
            csv.flush();
            writer.flush();
            return written;
        });
        long rows = file.rowCount() == null ? 0 : file.rowCount();
        String what = filter.isAll() ? "" : " matching '" + filter.text() + "'";
        return JobResult.file(file, NumberWords.count(rows, "contact") + what + " exported (" + NumberWords.bytes(file.sizeBytes()) + ")");
    }
}
