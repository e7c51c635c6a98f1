package dev.longrun.server.contacts.imports;

import dev.longrun.server.contacts.imports.RowValidator.Checked;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Counts the outcome of every row of one pass over an upload: rows parsed, ready, with warnings, skipped,
 * and keeps the first problems for the preview. One pass per run of the import handler.
 */
final class ImportScan {

    static final int PREVIEW_PROBLEMS = 200;

    private final RowValidator validator;
    private final List<ImportProblem> shown = new ArrayList<>();
    private long parsed;
    private long ready;
    private long warnings;
    private long errors;
    private boolean truncated;

    ImportScan(Set<String> existingEmails) {
        this.validator = new RowValidator(existingEmails);
    }

    Checked accept(CsvContactRow row) {
        Checked checked = validator.check(row);
        parsed++;
        if (checked.ready()) {
            ready++;
            if (!checked.problems().isEmpty()) {
                warnings++;
            }
        } else {
            errors++;
        }
        for (ImportProblem problem : checked.problems()) {
            if (shown.size() < PREVIEW_PROBLEMS) {
                shown.add(problem);
            } else {
                truncated = true;
            }
        }
        return checked;
    }

    long parsed() {
        return parsed;
    }

    long ready() {
        return ready;
    }

    ImportPreview preview(String filename) {
        return new ImportPreview(filename, parsed, ready, warnings, errors, List.copyOf(shown), truncated);
    }
}
