package dev.longrun.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.longrun.LongrunBuilder;
import org.junit.jupiter.api.Test;

/**
 * The core's package rules, checked on its compiled classes: the public API ({@code dev.longrun}) knows no
 * implementation but the builder's one call into the runtime; the runtime uses the store, never the other way;
 * SQL dialects and database drivers are the store's business; estimates and the event bus know nothing of the store.
 */
class PackageRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.longrun");

    @Test
    void thePublicApiNamesNoImplementation() {
        noClasses().that().resideInAPackage("dev.longrun").and().doNotHaveFullyQualifiedName(LongrunBuilder.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.runtime..", "dev.longrun.store..", "dev.longrun.estimate..")
                .because("hosts see only the API; the builder alone boots the runtime")
                .check(CORE);
    }

    @Test
    void theBuilderReachesTheStoreOnlyThroughTheRuntime() {
        noClasses().that().haveFullyQualifiedName(LongrunBuilder.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.store..")
                .check(CORE);
    }

    @Test
    void theStoreDoesNotUseTheRuntime() {
        noClasses().that().resideInAPackage("dev.longrun.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.runtime..", "dev.longrun.notify..")
                .because("dev.longrun <- runtime <- store: the store is the lowest layer")
                .check(CORE);
    }

    @Test
    void nothingOutsideTheStoreNamesADialectOrADatabaseDriver() {
        noClasses().that().resideOutsideOfPackage("dev.longrun.store..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.longrun.store.Dialect")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "org.sqlite..")
                .because("PostgreSQL and SQLite differences live in the store (statements per dialect, listen/announce)")
                .check(CORE);
    }

    @Test
    void estimatesDependOnNothingOfTheStore() {
        noClasses().that().resideInAPackage("dev.longrun.estimate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.store..", "dev.longrun.runtime..")
                .check(CORE);
    }

    @Test
    void theEventBusIsPlainAndInProcess() {
        noClasses().that().resideInAPackage("dev.longrun.event..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.longrun.store..", "dev.longrun.runtime..", "java.sql..", "javax.sql..")
                .check(CORE);
    }
}
