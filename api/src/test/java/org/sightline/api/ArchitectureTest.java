package org.sightline.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of ARCHITECTURE.md as a build failure: the statistical model and the
 * privacy engine stay plain Java, so they can be read, tested and reused without the framework.
 */
class ArchitectureTest {

    private static final String[] FRAMEWORKS = {
        "org.springframework..", "org.jooq..", "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml..",
        "jakarta..", "org.sightline.db..", "org.postgresql..", "org.flywaydb.."
    };

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sightline");

    @Test
    void domainDependsOnNoFrameworkAndOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.sightline.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.sightline.privacy..", "org.sightline.api..")
                .check(classes);
    }

    @Test
    void privacyDependsOnNoFrameworkAndNotOnTheApi() {
        noClasses().that().resideInAPackage("org.sightline.privacy..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .orShould().dependOnClassesThat().resideInAPackage("org.sightline.api..")
                .check(classes);
    }
}
