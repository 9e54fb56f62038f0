package dev.cyberdevstudio.models;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Models sits at the bottom beside sandbox: the catalog and GGUF reader must be usable without the rest. */
class ModelsArchitectureTest {

    private static JavaClasses models;

    @BeforeAll
    static void importModels() {
        models = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cyberdevstudio.models");
    }

    @Test
    void dependsOnNoOtherModuleOfOurs() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cyberdevstudio.app..",
                "dev.cyberdevstudio.engine..", "dev.cyberdevstudio.llm..", "dev.cyberdevstudio.sandbox..", "javafx..",
                "de.kherud..")
            .because("ARCHITECTURE.md: models depends on no other module of ours and does no inference")
            .check(models);
    }

    @Test
    void neverWritesToTheStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(models);
    }
}
