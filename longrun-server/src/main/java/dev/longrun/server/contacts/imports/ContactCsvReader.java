package dev.longrun.server.contacts.imports;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import dev.longrun.PermanentFailure;
import dev.longrun.server.NumberWords;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads an uploaded contacts CSV with FastCSV: UTF-8 (with or without BOM), quoted fields, CRLF or LF,
 * blank lines skipped, header {@code name,email[,company]} in any order. Everything that makes the whole
 * file unusable (not text, wrong delimiter, wrong header, broken quotes) becomes a {@link PermanentFailure}
 * that says what to fix; problems of single rows are left to {@link RowValidator}.
 */
final class ContactCsvReader {

    static final List<String> REQUIRED = List.of("name", "email");
    static final String OPTIONAL = "company";
    static final int MAX_COLUMNS = 100;
    /** Larger than any valid field; a longer run of characters (e.g. a quote never closed) fails the file. */
    private static final int MAX_FIELD_BUFFER = 4 * 1024 * 1024;
    private static final int SNIFF_BYTES = 8192;

    private ContactCsvReader() {
    }

    /** Reads every data row into {@code rows}; returns the header as found (lower-cased, trimmed). */
    static List<String> read(InputStream raw, Consumer<CsvContactRow> rows) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES * 2);
        rejectBinary(in);
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long[] lastRow = {1};
        try (Reader reader = new NulRefusingReader(new InputStreamReader(in, decoder));
             CsvReader<CsvRecord> csv = CsvReader.builder()
                     .skipEmptyLines(true)
                     .allowUnclosedQuote(false)
                     .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                     .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                     .maxBufferSize(MAX_FIELD_BUFFER)
                     .ofCsvRecord(reader)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new PermanentFailure("empty_file", "The file is empty. Upload a CSV file with a header row "
                        + "(name,email,company) and one contact per row.");
            }
            List<String> header = header(it.next());
            int[] index = columnIndexes(header);
            boolean any = false;
            while (it.hasNext()) {
                CsvRecord record = it.next();
                lastRow[0] = record.getStartingLineNumber();
                any = true;
                rows.accept(new CsvContactRow(record.getStartingLineNumber(),
                        field(record, index[0]), field(record, index[1]), field(record, index[2]),
                        record.getFieldCount(), header.size()));
            }
            if (!any) {
                throw new PermanentFailure("no_rows", "The file has a header but no contact rows. "
                        + "Add one contact per row below the header and upload it again.");
            }
            return header;
        } catch (CsvParseException e) {
            if (e.getCause() instanceof PermanentFailure refused) {
                throw refused; // a NUL character, found while the parser read ahead
            }
            throw new PermanentFailure("unreadable_csv", "The file could not be read after row " + lastRow[0] + ": "
                    + plain(e) + " Fix the file (check that every opening \" has a closing \") and upload it again.", e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(lastRow[0], e);
            }
            // Not the file's fault (storage or connection): transient, so the job is retried.
            throw new IOException("Reading the uploaded file failed after row " + lastRow[0] + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (CharacterCodingException e) {
            throw notUtf8(lastRow[0], e);
        }
    }

    private static String plain(CsvParseException e) {
        String message = e.getMessage() == null ? "the CSV structure is broken." : e.getMessage();
        if (message.startsWith("Unclosed quoted field")) {
            return "a quoted field is never closed.";
        }
        if (message.startsWith("The maximum buffer size")) {
            return "a field is longer than " + NumberWords.bytes(MAX_FIELD_BUFFER) + ", usually because a quote is never closed.";
        }
        return message.replaceAll("\\s*\\(record starting at line \\d+\\)", "") + ".";
    }

    private static PermanentFailure notUtf8(long afterRow, Exception e) {
        return new PermanentFailure("not_utf8", "The file is not UTF-8 text (an unreadable character after row " + afterRow
                + "). In your spreadsheet choose Save As › 'CSV UTF-8' and upload that file.", e);
    }

    private static void rejectBinary(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new PermanentFailure("not_csv", "This is a spreadsheet or ZIP file, not CSV text. In Excel or Numbers "
                    + "choose Save As › 'CSV UTF-8' and upload that file.");
        }
        if (head.length >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            throw new PermanentFailure("not_csv", "This is a PDF document, not a CSV file. Upload a CSV file with the columns name, email, company.");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new PermanentFailure("not_csv", "This file contains binary data, so it is not a CSV text file. "
                        + "Upload a CSV file with the columns name, email, company.");
            }
        }
    }

    private static List<String> header(CsvRecord record) {
        if (record.getFieldCount() > MAX_COLUMNS) {
            throw new PermanentFailure("wrong_header", "The first row has " + NumberWords.number(record.getFieldCount())
                    + " columns; a contacts file has a few (name, email, company). Check that this is the right file.");
        }
        List<String> header = new ArrayList<>();
        for (String field : record.getFields()) {
            header.add(field.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
        }
        if (header.size() == 1) {
            String only = header.get(0);
            for (String delimiter : List.of(";", "\t", "|")) {
                if (only.contains(delimiter)) {
                    String shown = delimiter.equals("\t") ? "tabs" : "'" + delimiter + "'";
                    throw new PermanentFailure("wrong_delimiter", "Columns are separated by " + shown
                            + ", but this import expects commas. Save the file as CSV with comma separators and upload it again.");
                }
            }
        }
        return header;
    }

    private static int[] columnIndexes(List<String> header) {
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                throw new PermanentFailure("wrong_header", "Column '" + required + "' not found; found: "
                        + String.join(", ", header.stream().map(h -> h.isEmpty() ? "(blank)" : h).sorted().toList())
                        + ". The first row must name the columns: name, email and optionally company.");
            }
        }
        for (String column : header) {
            if (!column.isEmpty() && header.indexOf(column) != header.lastIndexOf(column)) {
                throw new PermanentFailure("wrong_header", "Column '" + column + "' appears twice in the first row. "
                        + "Keep one and upload the file again.");
            }
        }
        return new int[] {header.indexOf("name"), header.indexOf("email"), header.indexOf(OPTIONAL)};
    }

    private static String field(CsvRecord record, int index) {
        return index >= 0 && index < record.getFieldCount() ? record.getField(index) : null;
    }
}
