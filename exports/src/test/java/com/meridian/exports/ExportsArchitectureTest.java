package com.meridian.exports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module's boundary: the public package is the API (requests, views, services, the job's
 * configuration); writers, sources and stores stay in {@code internal}, which never reaches back into the
 * public services, and nothing here uses floating point for money.
 */
class ExportsArchitectureTest {

    /** The module's compiled main classes only (scanning the whole class path for the package takes seconds). */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(Path.of("target", "classes"));

    @Test
    void internalsDoNotDependOnThePublicServices() {
        noClasses().that().resideInAPackage("..exports.internal..")
                .should().dependOnClassesThat().haveSimpleName("Exports")
                .orShould().dependOnClassesThat().haveSimpleName("ExportSchedules")
                .check(CLASSES);
    }

    @Test
    void moneyIsNeverAFloatingPointNumber() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.lang.Double")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Float")
                .check(CLASSES);
    }
}
