package dev.longrun.server.contacts.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.longrun.PermanentFailure;
import dev.longrun.server.contacts.SpreadsheetSafe;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A NUL anywhere in an import fails it; an exported cell is never read as a formula, whatever the locale's separator. */
class CsvSafetyTest {

    @Test
    void aNulByteFailsTheImportWhereverItIs() {
        StringBuilder csv = new StringBuilder("name,email\n");
        while (csv.length() < 20_000) {
            csv.append("Ada Lovelace,ada@example.com\n");
        }
        for (String withNul : new String[] {"Nul\0Person,nul@example.com\n", "Late Person,late@example.com,extra\0column\n"}) {
            byte[] bytes = (csv + withNul).getBytes(StandardCharsets.UTF_8);
            List<CsvContactRow> rows = new ArrayList<>();
            assertThatThrownBy(() -> ContactCsvReader.read(new ByteArrayInputStream(bytes), rows::add))
                    .isInstanceOf(PermanentFailure.class).hasMessageContaining("NUL");
        }
    }

    @Test
    void cellsASpreadsheetCouldReadAsAFormulaAreQuotedAndNeutralised() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).quoteStrategy(SpreadsheetSafe.QUOTING).build(out)) {
            csv.writeRecord(SpreadsheetSafe.cell("a;=1+1"), SpreadsheetSafe.cell("=HYPERLINK(\"x\")"), SpreadsheetSafe.cell("b\t+1"),
                    SpreadsheetSafe.cell("c|@SUM(1)"), SpreadsheetSafe.cell("-2"), SpreadsheetSafe.cell("plain"), SpreadsheetSafe.cell("n\0ul"));
        }
        assertThat(out.toString()).isEqualTo("\"a;=1+1\",\"'=HYPERLINK(\"\"x\"\")\",\"b\t+1\",\"c|@SUM(1)\",'-2,plain,nul\n");
    }
}
