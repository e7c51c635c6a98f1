package dev.longrun.spring.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The starter is a host of Longrun like any other: it uses the public API ({@code dev.longrun}, its events, result
 * files, notifications and formatting), never the engine's runtime, store or estimator; and it knows no job type of
 * the demo product, in its code or in its web components.
 */
class StarterBoundaryTest {

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.longrun.spring");

    @Test
    void theStarterUsesOnlyLongrunsPublicTypes() {
        noClasses().that().resideInAPackage("dev.longrun.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.runtime..", "dev.longrun.store..", "dev.longrun.estimate..")
                .because("whatever the starter needs is on the Longrun API (nodeName(), LongrunBuilder.embeddedDatabase, ...)")
                .check(STARTER);
    }

    @Test
    void theStarterNamesNoDemoJobType() throws IOException {
        List<String> found;
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            found = files.filter(Files::isRegularFile)
                    .filter(f -> !f.equals(Path.of("src/test/java/dev/longrun/spring/architecture/StarterBoundaryTest.java")))
                    .flatMap(f -> lines(f).stream()
                            .filter(l -> l.contains("contacts.") || l.contains("demo.wait"))
                            .map(l -> f + ": " + l.strip()))
                    .toList();
        }
        assertThat(found).as("the demo's job types belong to longrun-server; job types declare their own words").isEmpty();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of(); // binary files (images) hold no source text
        }
    }
}
