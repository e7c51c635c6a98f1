package dev.longrun.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedStatementsTest {

    @Test
    void namedParametersBecomeQuestionMarksInOrderAndMayRepeat() {
        NamedStatement s = NamedStatements.translate("X", "SELECT * FROM t WHERE a = :id AND (:owner IS NULL OR b = :owner)");
        assertThat(s.jdbcSql()).isEqualTo("SELECT * FROM t WHERE a = ? AND (? IS NULL OR b = ?)");
        assertThat(s.parameters()).containsExactly("id", "owner", "owner");
    }

    @Test
    void castsAndQuotedTextAreLeftAlone() {
        NamedStatement s = NamedStatements.translate("X", "SELECT :ids::uuid[], ':not_a_param', now()::text WHERE x = :x");
        assertThat(s.jdbcSql()).isEqualTo("SELECT ?::uuid[], ':not_a_param', now()::text WHERE x = ?");
        assertThat(s.parameters()).containsExactly("ids", "x");
    }

    @Test
    void theFileIsSplitAtNameHeadersAndCommentsAndSemicolonsAreDropped() {
        var bodies = NamedStatements.parse("""
                -- a file comment
                -- name: First
                -- what it does
                SELECT 1;

                -- name: Second
                SELECT 2
                """);
        assertThat(bodies).containsExactly(java.util.Map.entry("First", "SELECT 1"), java.util.Map.entry("Second", "SELECT 2"));
    }

    @Test
    void aStatementDefinedTwiceIsRefused() {
        assertThatThrownBy(() -> NamedStatements.parse("-- name: A\nSELECT 1;\n-- name: A\nSELECT 2;\n"))
                .hasMessageContaining("'A' is defined twice");
    }

    @Test
    void aStatementDefinedInTwoFilesIsRefused() {
        assertThatThrownBy(() -> NamedStatements.load(Dialect.SQLITE, null, "statement-cache-test.sql", "defines-put-pair-again.sql"))
                .hasMessageContaining("'PutPair' is defined twice");
    }

    @Test
    void theStoreReadsItsStatusChangesBesideItsOtherStatements() {
        for (Dialect dialect : Dialect.values()) {
            NamedStatements statements = NamedStatements.load(dialect, dialect == Dialect.POSTGRESQL ? "\"longrun\"" : null);
            assertThat(statements.names()).as(dialect.name()).contains("InsertJob", "ClaimJobs", "FinishSucceeded", "ListJobsAsOf");
        }
    }

    @Test
    void theSchemaIsSubstitutedAndAnUnknownNameIsAClearError() {
        NamedStatements statements = NamedStatements.load(Dialect.POSTGRESQL, "\"tenant_a\"");
        assertThat(statements.get("FindJob").jdbcSql()).contains("\"tenant_a\".jobs").doesNotContain("${schema}");
        assertThat(statements.get("FindJob").parameters()).isEqualTo(List.of("id"));
        assertThatThrownBy(() -> statements.get("Nope")).hasMessageContaining("No statement named 'Nope'");
    }

    @Test
    void onlyPlainSchemaNamesAreAccepted() {
        assertThat(Migrations.quote("longrun")).isEqualTo("\"longrun\"");
        assertThatThrownBy(() -> Migrations.quote("x\"; DROP TABLE jobs; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not allowed");
    }
}
