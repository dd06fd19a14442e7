package com.meridian.categorizer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The module's boundaries: a feature's {@code internal} package is used by that feature only (and by the training
 * tool, which builds models, and the wiring); and nothing but training touches DL4J, which is an optional
 * dependency that the deployables do not carry.
 */
@AnalyzeClasses(packages = "com.meridian.categorizer", importOptions = ImportOption.DoNotIncludeTests.class)
class CategorizerArchitectureTest {

    @ArchTest
    static final ArchRule featureInternalsStayInTheirFeature = CompositeArchRule.of(internalOf("rules"))
            .and(internalOf("model"))
            .and(internalOf("training"));

    @ArchTest
    static final ArchRule onlyTrainingUsesDl4j = noClasses()
            .that().resideOutsideOfPackage("com.meridian.categorizer.training..")
            .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..");

    @ArchTest
    static final ArchRule theRuntimeNeverDependsOnTraining = noClasses()
            .that().resideOutsideOfPackage("com.meridian.categorizer.training..")
            .should().dependOnClassesThat().resideInAPackage("com.meridian.categorizer.training..");

    private static ArchRule internalOf(String feature) {
        String base = "com.meridian.categorizer." + feature;
        return noClasses()
                .that().resideOutsideOfPackages(base + "..", "com.meridian.categorizer.training..",
                        "com.meridian.categorizer.internal..")
                .should().dependOnClassesThat().resideInAPackage(base + ".internal..");
    }
}
