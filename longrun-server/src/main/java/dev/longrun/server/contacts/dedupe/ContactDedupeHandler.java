package dev.longrun.server.contacts.dedupe;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code contacts.dedupe}: finds likely duplicate contacts (alike names in the same company) and writes
 * them as pairs to a CSV for review; it changes no contact. How much comparing is needed depends on the data,
 * so it reports what it is doing ("Comparing names at Globex (company 3 of 40) — 12 likely duplicate pairs so far"), never a
 * percentage.
 */
public final class ContactDedupeHandler implements JobHandler<DedupeParams> {

    static final int PAGE = 5000;
    /** Sorted-neighbourhood window: each name is compared with the next few names of its company in sorted order. */
    static final int WINDOW = 12;

    private final ContactRepository contacts;

    public ContactDedupeHandler(ContactRepository contacts) {
        this.contacts = contacts;
    }

    record Candidate(Contact contact, String key) {
    }

    record Pair(Contact a, Contact b, String company, double score) {
    }

    @Override
    public JobResult run(JobContext<DedupeParams> ctx) throws Exception {
        double threshold = ctx.params() == null ? DedupeParams.DEFAULT_THRESHOLD : ctx.params().effectiveThreshold();
        Map<String, List<Candidate>> byCompany = read(ctx);
        List<Pair> pairs = compare(ctx, byCompany, threshold);
        long contactsRead = byCompany.values().stream().mapToLong(List::size).sum();
        ctx.indeterminate("Writing the list of " + NumberWords.count(pairs.size(), "likely duplicate pair"));
        ResultFile file = ctx.resultFile("duplicates-" + LocalDate.now(ctx.clock()) + ".csv", "text/csv", out -> write(out, pairs));
        return JobResult.file(file, NumberWords.count(pairs.size(), "likely duplicate pair") + " found among "
                + NumberWords.count(contactsRead, "contact"));
    }

    private Map<String, List<Candidate>> read(JobContext<DedupeParams> ctx) {
        Map<String, List<Candidate>> byCompany = new TreeMap<>();
        long after = 0;
        long read = 0;
        while (true) {
            ctx.throwIfCancelled();
            List<Contact> page = contacts.page(ctx.job().accountId(), ContactFilter.ALL, after, PAGE);
            if (page.isEmpty()) {
                return byCompany;
            }
            for (Contact c : page) {
                String company = c.company() == null ? "" : c.company().strip().toLowerCase(Locale.ROOT);
                byCompany.computeIfAbsent(company, k -> new ArrayList<>()).add(new Candidate(c, NameSimilarity.normalise(c.name())));
            }
            read += page.size();
            after = page.get(page.size() - 1).id();
            ctx.indeterminate("Reading contacts — " + NumberWords.number(read) + " so far");
        }
    }

    private List<Pair> compare(JobContext<DedupeParams> ctx, Map<String, List<Candidate>> byCompany, double threshold) {
        List<Pair> pairs = new ArrayList<>();
        int group = 0;
        for (List<Candidate> candidates : byCompany.values()) {
            ctx.throwIfCancelled();
            group++;
            String company = candidates.get(0).contact().company();
            ctx.indeterminate("Comparing names at " + (company == null ? "contacts without company" : company)
                    + " (company " + NumberWords.number(group) + " of " + NumberWords.number(byCompany.size()) + ") — "
                    + NumberWords.count(pairs.size(), "likely duplicate pair") + " so far");
            candidates.sort(Comparator.comparing(Candidate::key));
            for (int i = 0; i < candidates.size(); i++) {
                for (int j = i + 1; j < Math.min(candidates.size(), i + 1 + WINDOW); j++) {
                    double score = NameSimilarity.jaroWinkler(candidates.get(i).key(), candidates.get(j).key());
                    if (score >= threshold) {
                        pairs.add(new Pair(candidates.get(i).contact(), candidates.get(j).contact(), company, score));
                    }
                }
            }
        }
        return pairs;
    }

    private static Long write(java.io.OutputStream out, List<Pair> pairs) throws java.io.IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).quoteStrategy(SpreadsheetSafe.QUOTING).build(writer);
        csv.writeRecord("similarity", "company", "first_id", "first_name", "first_email", "second_id", "second_name", "second_email");
        for (Pair p : pairs) {
            csv.writeRecord(String.format(Locale.ROOT, "%.2f", p.score()), SpreadsheetSafe.cell(p.company()),
                    Long.toString(p.a().id()), SpreadsheetSafe.cell(p.a().name()), SpreadsheetSafe.cell(p.a().email()),
                    Long.toString(p.b().id()), SpreadsheetSafe.cell(p.b().name()), SpreadsheetSafe.cell(p.b().email()));
        }
        csv.flush();
        writer.flush();
        return (long) pairs.size();
    }
}
