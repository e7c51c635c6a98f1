package dev.longrun.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.store.SqlFolder;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DialectParityTest {

    private static final List<SqlFolder> DIALECTS = SqlFolder.everyDialect(ServerSchema.FOLDER);

    @ParameterizedTest
    @ValueSource(strings = {"contacts", "outbox"})
    void bothDialectsDefineTheSameStatementNames(String feature) {
        assertThat(DIALECTS).hasSize(2);
        assertThat(DIALECTS.get(0).statements(feature).names()).isNotEmpty()
                .containsExactlyElementsOf(DIALECTS.get(1).statements(feature).names());
    }

    @Test
    void bothDialectsHaveTheSameMigrationVersions() throws Exception {
        assertThat(migrations(DIALECTS.get(0))).isNotEmpty().containsExactlyElementsOf(migrations(DIALECTS.get(1)));
    }

    private static List<String> migrations(SqlFolder sql) throws IOException, URISyntaxException {
        Path dir = Path.of(DialectParityTest.class.getClassLoader().getResource(sql.location() + "/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
