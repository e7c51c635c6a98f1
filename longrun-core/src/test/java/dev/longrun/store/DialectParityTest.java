package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both dialects ship the same statements and the same migration versions, so one store code path fits both. */
class DialectParityTest {

    /**
     * NOTIFY exists only on PostgreSQL; on SQLite {@code announce} is a no-op by design. SQLite has no data-modifying
     * WITH, so it claims keys and inserts jobs in two statements (ClaimIdempotencyKeys, InsertJobs) instead of one.
     */
    private static final Set<String> POSTGRES_ONLY = Set.of("Notify", "ClaimKeysAndInsertJobs");

    @Test
    void bothDialectsDefineTheSameStatementNames() {
        Set<String> postgres = new TreeSet<>(NamedStatements.load(Dialect.POSTGRESQL, "\"longrun\"").names());
        Set<String> sqlite = new TreeSet<>(NamedStatements.load(Dialect.SQLITE, null).names());
        postgres.removeAll(POSTGRES_ONLY);

        assertThat(sqlite).isEqualTo(postgres);
        assertThat(sqlite).contains("ClaimJobs", "InsertJob", "FinishSucceeded", "RescueExpired", "ListJobsAsOf", "ClaimIdempotencyKey", "QueueStanding");
    }

    @Test
    void bothDialectsUseTheSameParametersInEachStatement() {
        NamedStatements postgres = NamedStatements.load(Dialect.POSTGRESQL, "\"longrun\"");
        NamedStatements sqlite = NamedStatements.load(Dialect.SQLITE, null);
        for (String name : sqlite.names()) {
            assertThat(new TreeSet<>(sqlite.get(name).parameters()))
                    .as("parameters of %s", name)
                    .isEqualTo(new TreeSet<>(postgres.get(name).parameters()));
        }
    }

    @Test
    void bothDialectsHaveTheSameMigrationVersions() throws Exception {
        Set<String> postgres = migrationVersions(Dialect.POSTGRESQL);
        Set<String> sqlite = migrationVersions(Dialect.SQLITE);

        assertThat(postgres).isNotEmpty().contains("1");
        assertThat(sqlite).isEqualTo(postgres);
    }

    private static Set<String> migrationVersions(Dialect dialect) throws IOException, URISyntaxException {
        URL folder = DialectParityTest.class.getClassLoader().getResource("db/" + dialect.folder() + "/migration");
        assertThat(folder).as("migration folder of " + dialect).isNotNull();
        Pattern versioned = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");
        Set<String> versions = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            files.forEach(f -> {
                Matcher m = versioned.matcher(f.getFileName().toString());
                if (m.matches()) {
                    versions.add(m.group(1));
                }
            });
        }
        return versions;
    }
}
