package dev.longrun.spring.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ZipEntryNamesTest {

    @Test
    void entryNamesHaveNoFoldersOrCharactersWindowsRefuses() {
        assertThat(ResultsZipController.entryName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ResultsZipController.entryName("C:\\reports\\q1.pdf")).isEqualTo("q1.pdf");
        assertThat(ResultsZipController.entryName("a:b*c?d<e>f|g.csv")).isEqualTo("a_b_c_d_e_f_g.csv");
        assertThat(ResultsZipController.entryName("..")).isEqualTo("result");
        assertThat(ResultsZipController.entryName(null)).isEqualTo("result");
    }

    @Test
    void twinsGetANumberBeforeTheExtensionIgnoringCase() {
        Set<String> taken = new HashSet<>(Set.of("missing.txt"));
        assertThat(ResultsZipController.unique("report.csv", taken)).isEqualTo("report.csv");
        assertThat(ResultsZipController.unique("Report.CSV", taken)).isEqualTo("Report (2).CSV");
        assertThat(ResultsZipController.unique("report.csv", taken)).isEqualTo("report (3).csv");
        assertThat(ResultsZipController.unique("MISSING.txt", taken)).isEqualTo("MISSING (2).txt");
        assertThat(ResultsZipController.unique("README", taken)).isEqualTo("README");
        assertThat(ResultsZipController.unique("README", taken)).isEqualTo("README (2)");
    }
}
