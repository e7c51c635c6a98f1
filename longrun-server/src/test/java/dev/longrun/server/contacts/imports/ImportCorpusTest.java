package dev.longrun.server.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.longrun.PermanentFailure;
import dev.longrun.server.contacts.imports.ImportProblem.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CSV corpus: the sample files of docs/samples and hostile files. Each gets a clear outcome — a preview
 * or a failure message a person can act on — within seconds, never an unexplained error.
 */
class ImportCorpusTest {

    static final Path SAMPLES = Path.of("..", "docs", "samples");
    static final Set<String> SEEDED = Set.of("grace.hopper@cobol.example");

    static ImportPreview scan(byte[] bytes) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ImportScan scan = new ImportScan(SEEDED);
            try (InputStream in = new ByteArrayInputStream(bytes)) {
                ContactCsvReader.read(in, scan::accept);
            }
            return scan.preview("test.csv");
        });
    }

    static ImportPreview scan(String text) {
        return scan(text.getBytes(StandardCharsets.UTF_8));
    }

    static String failure(byte[] bytes) {
        try {
            scan(bytes);
        } catch (PermanentFailure e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a PermanentFailure");
    }

    static String failure(String text) {
        return failure(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void cleanSampleIsReadyWithoutProblems() throws IOException {
        ImportPreview p = scan(Files.readAllBytes(SAMPLES.resolve("contacts-clean.csv")));
        assertThat(p.rowsParsed()).isEqualTo(20);
        assertThat(p.ready()).isEqualTo(20);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void sampleWithProblemsShowsEachProblemByRowAndColumn() throws IOException {
        ImportPreview p = scan(Files.readAllBytes(SAMPLES.resolve("contacts-with-problems.csv")));
        assertThat(p.rowsParsed()).isEqualTo(6);
        assertThat(p.ready()).isEqualTo(4);
        assertThat(p.warnings()).isEqualTo(1);
        assertThat(p.errors()).isEqualTo(2);
        assertThat(p.problems()).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "email", Severity.WARNING),
                org.assertj.core.groups.Tuple.tuple(4L, "email", Severity.ERROR),
                org.assertj.core.groups.Tuple.tuple(5L, "name", Severity.ERROR));
        assertThat(p.problems().get(0).sentence()).isEqualTo(
                "Row 3: 'ben.carter(at)contoso.example' is not a valid email address; the contact is imported without email");
        assertThat(p.problems().get(1).sentence()).contains("already exists");
        assertThat(p.problems().get(2).sentence()).isEqualTo("Row 5: name is missing; row skipped");
        assertThat(p.question()).isEqualTo("6 rows checked · 4 ready to import (1 with a change) · 2 will be skipped. Import the 4 ready rows?");
    }

    @Test
    void generatedLargeSampleIsReadyAndFast() throws Exception {
        StringBuilder csv = new StringBuilder("name,email,company\r\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append("Person ").append(i).append(",p").append(i).append("@bulk.example,\"Company, ").append(i % 50).append("\"\r\n");
        }
        ImportPreview p = scan(csv.toString());
        assertThat(p.ready()).isEqualTo(100_000);
    }

    @Test
    void byteOrderMarkQuotesAndCrlfAreHandled() {
        ImportPreview p = scan("\uFEFFName,Email,Company\r\n\"Lovelace, Ada\",ada@x.example,\"Analytical \"\"Engines\"\"\"\r\n"
                + "\"Multi\nline\",multi@x.example,\r\n");
        assertThat(p.ready()).isEqualTo(2);
        assertThat(p.problems()).isEmpty();
    }

    @Test
    void columnsMayComeInAnyOrderAndCompanyIsOptional() {
        assertThat(scan("email,name\na@x.example,A\n").ready()).isEqualTo(1);
    }

    @Test
    void emptyFileSaysSo() {
        assertThat(failure("")).startsWith("The file is empty.");
    }

    @Test
    void headerOnlySaysThereAreNoRows() {
        assertThat(failure("name,email,company\r\n")).startsWith("The file has a header but no contact rows.");
    }

    @Test
    void blankLinesAreSkippedAndRowNumbersStayThoseOfTheFile() {
        ImportPreview p = scan("name,email\n\n\nA,a@x.example\n\n,b@x.example\n");
        assertThat(p.rowsParsed()).isEqualTo(2);
        assertThat(p.problems()).singleElement().extracting(ImportProblem::row).isEqualTo(6L);
    }

    @Test
    void wrongHeaderNamesWhatWasFound() {
        assertThat(failure("mail,name\nx@y.example,X\n")).startsWith("Column 'email' not found; found: mail, name.");
    }

    @Test
    void semicolonSeparatedFileAsksForCommas() {
        assertThat(failure("name;email;company\nA;a@x.example;X\n")).startsWith("Columns are separated by ';'");
    }

    @Test
    void tabSeparatedFileAsksForCommas() {
        assertThat(failure("name\temail\nA\ta@x.example\n")).startsWith("Columns are separated by tabs");
    }

    @Test
    void unterminatedQuoteNamesTheRow() {
        assertThat(failure("name,email\nA,a@x.example\n\"B,b@x.example\nC,c@x.example\n"))
                .startsWith("The file could not be read after row 2: a quoted field is never closed.");
    }

    @Test
    void aTenThousandColumnRowIsSkippedWithAReason() {
        String wide = "A,a@x.example" + ",x".repeat(9_998);
        ImportPreview p = scan("name,email\n" + wide + "\nB,b@x.example\n");
        assertThat(p.ready()).isEqualTo(1);
        assertThat(p.problems()).singleElement().extracting(ImportProblem::sentence)
                .isEqualTo("Row 2: has 10,000 values but the header has 2 columns; put values that contain commas in double quotes");
    }

    @Test
    void aTenThousandColumnHeaderIsRefused() {
        assertThat(failure("name,email" + ",c".repeat(9_998) + "\nA,a@x.example\n")).startsWith("The first row has 10,000 columns");
    }

    @Test
    void aOneMegabyteFieldIsSkippedWithoutBloatingThePreview() {
        String huge = "x".repeat(1024 * 1024);
        ImportPreview p = scan("name,email\n\"" + huge + "\",a@x.example\nB,b@x.example\n");
        assertThat(p.ready()).isEqualTo(1);
        assertThat(p.problems()).singleElement().extracting(ImportProblem::sentence)
                .isEqualTo("Row 2: name is longer than 200 characters; row skipped");
    }

    @Test
    void invalidUtf8AsksForCsvUtf8() {
        byte[] latin1 = "name,email\nJos\u00e9,jose@x.example\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(failure(latin1)).startsWith("The file is not UTF-8 text").contains("CSV UTF-8");
    }

    @Test
    void binaryFileNamedCsvIsRefused() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[10] = 0;
        assertThat(failure(bytes)).startsWith("This file contains binary data");
    }

    @Test
    void excelWorkbookIsRecognised() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0};
        assertThat(failure(zip)).contains("Save As › 'CSV UTF-8'");
    }

    @Test
    void formulasAreImportedAsPlainText() {
        ImportPreview p = scan("name,email,company\n=HYPERLINK(\"http://evil.example\"),f@x.example,=1+2\n");
        assertThat(p.ready()).isEqualTo(1);
    }

    @Test
    void duplicateEmailsInTheFileKeepTheFirstAndNameIt() {
        ImportPreview p = scan("name,email\nA,a@x.example\nA2,A@X.example\n");
        assertThat(p.ready()).isEqualTo(1);
        assertThat(p.problems()).singleElement().extracting(ImportProblem::sentence)
                .isEqualTo("Row 3: same email as row 2 (A@X.example); row skipped");
    }

    @Test
    void moreThanTwoHundredProblemsAreCountedButNotAllListed() {
        StringBuilder csv = new StringBuilder("name,email\n");
        for (int i = 0; i < 500; i++) {
            csv.append(",missing").append(i).append("@x.example\n");
        }
        csv.append("Ok,ok@x.example\n");
        ImportPreview p = scan(csv.toString());
        assertThat(p.errors()).isEqualTo(500);
        assertThat(p.problems()).hasSize(ImportScan.PREVIEW_PROBLEMS);
        assertThat(p.problemsTruncated()).isTrue();
    }

    @Test
    void duplicateHeaderColumnIsRefused() {
        assertThatThrownBy(() -> scan("name,email,email\nA,a@x.example,b@x.example\n"))
                .isInstanceOf(PermanentFailure.class).hasMessageStartingWith("Column 'email' appears twice");
    }
}
