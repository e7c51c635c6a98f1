package dev.longrun.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.longrun.store.Dialect;
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

    @ParameterizedTest
    @ValueSource(strings = {"contacts", "outbox"})
    void bothDialectsDefineTheSameStatementNames(String feature) {
        assertThat(SqlStatements.load(Dialect.SQLITE, feature).names())
                .containsExactlyElementsOf(SqlStatements.load(Dialect.POSTGRESQL, feature).names());
    }

    @Test
    void bothDialectsHaveTheSameMigrationVersions() throws Exception {
        assertThat(migrations(Dialect.SQLITE)).isNotEmpty().containsExactlyElementsOf(migrations(Dialect.POSTGRESQL));
    }

    @Test
    void aStatementFileWithADuplicateNameIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SqlStatements.parse("-- name: a\nSELECT 1\n-- name: a\nSELECT 2"))
                .hasMessageContaining("'a' is defined twice");
    }

    private static List<String> migrations(Dialect dialect) throws IOException, URISyntaxException {
        Path dir = Path.of(DialectParityTest.class.getClassLoader().getResource("db/server/" + dialect.folder() + "/migration").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
