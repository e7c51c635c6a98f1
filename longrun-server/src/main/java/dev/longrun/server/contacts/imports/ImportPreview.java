package dev.longrun.server.contacts.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.longrun.server.NumberWords;
import java.util.List;

/**
 * What an import found before it writes anything; the job stops in needs_action with this as
 * {@code action.preview}, so the user decides whether to import the ready rows or fix the file.
 *
 * @param rowsParsed        data rows read (the header not counted)
 * @param ready             rows that will be imported (including those with warnings)
 * @param warnings          ready rows imported with a change (e.g. without their invalid email)
 * @param errors            rows that will be skipped
 * @param problems          the first problems, each by row and column; all of them are in the job's items
 * @param problemsTruncated true when there are more problems than listed here
 */
public record ImportPreview(
        String filename,
        @JsonProperty("rows_parsed") long rowsParsed,
        long ready,
        long warnings,
        long errors,
        List<ImportProblem> problems,
        @JsonProperty("problems_truncated") boolean problemsTruncated) {

    /**
     * "6 rows checked · 4 ready to import (1 with a change) · 2 will be skipped. Import the 4 ready rows?": the same
     * numbers as the preview's counts, which add up to the rows checked.
     */
    public String question() {
        StringBuilder q = new StringBuilder(NumberWords.count(rowsParsed, "row")).append(" checked · ");
        if (warnings + errors == 0) {
            q.append("no issues found");
        } else {
            q.append(NumberWords.number(ready)).append(" ready to import");
            if (warnings > 0) {
                q.append(" (").append(NumberWords.number(warnings)).append(" with a change)");
            }
            if (errors > 0) {
                q.append(" · ").append(NumberWords.number(errors)).append(" will be skipped");
            }
        }
        return q.append(". Import the ").append(NumberWords.number(ready)).append(ready == 1 ? " ready row?" : " ready rows?").toString();
    }
}
