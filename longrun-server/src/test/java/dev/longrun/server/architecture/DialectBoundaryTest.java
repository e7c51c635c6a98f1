package dev.longrun.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Nothing outside the core's store names a SQL dialect, in the core, the starter or this server: the server's own SQL
 * is found by {@code store.SqlFolder}, which picks the dialect from the database.
 */
class DialectBoundaryTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.longrun");

    @Test
    void onlyTheStoreNamesADialect() {
        noClasses().that().resideOutsideOfPackage("dev.longrun.store..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.longrun.store.Dialect")
                .check(ALL);
    }

    @Test
    void theServerUsesNoEngineInternals() {
        noClasses().that().resideInAPackage("dev.longrun.server..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.runtime..", "dev.longrun.estimate..")
                .check(ALL);
    }
}
