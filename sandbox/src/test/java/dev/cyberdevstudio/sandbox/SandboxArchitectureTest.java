package dev.cyberdevstudio.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sandbox is the bottom layer: it uses nothing of ours, so it can be reviewed on its own. */
class SandboxArchitectureTest {

    private static JavaClasses sandbox;

    @BeforeAll
    static void importSandbox() {
        sandbox = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cyberdevstudio.sandbox");
    }

    @Test
    void dependsOnNoOtherModuleOfOurs() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cyberdevstudio.app..",
                "dev.cyberdevstudio.engine..", "dev.cyberdevstudio.llm..", "dev.cyberdevstudio.models..", "javafx..")
            .because("ARCHITECTURE.md: sandbox depends on no other module of ours").check(sandbox);
    }

    @Test
    void neverWritesToTheStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(sandbox);
    }
}
