package dev.longrun.spring.api;

import de.siegmar.fastcsv.writer.CsvWriter;
import dev.longrun.JobItem;
import java.io.StringWriter;
import java.util.List;

/**
 * Writes item outcomes as CSV for people to open in a spreadsheet. Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are prefixed with a quote, so a hostile row cannot execute.
 */
final class ItemsCsv {

    private ItemsCsv() {
    }

    static String write(List<JobItem> items) {
        StringWriter out = new StringWriter();
        // a cell with ; tab or | is quoted, so a spreadsheet splitting columns there keeps it one text cell
        try (CsvWriter csv = CsvWriter.builder().quoteStrategy(new de.siegmar.fastcsv.writer.QuoteStrategy() {
            @Override
            public boolean quoteValue(int lineNo, int fieldIdx, String value) {
                return value.indexOf(';') >= 0 || value.indexOf('\t') >= 0 || value.indexOf('|') >= 0;
            }
        }).build(out)) {
            csv.writeRecord("key", "status", "message", "detail");
            for (JobItem item : items) {
                csv.writeRecord(neutralise(item.key()), item.status().value(), neutralise(item.message()),
                        neutralise(item.detail() == null || item.detail().isNull() ? "" : item.detail().toString()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        cell = cell.replace("\0", "");
        if (cell.isEmpty()) {
            return "";
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
