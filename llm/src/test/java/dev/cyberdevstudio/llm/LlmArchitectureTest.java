package dev.cyberdevstudio.llm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** llm sits on models only; the engine and headless server use it without a UI. */
class LlmArchitectureTest {

    private static JavaClasses llm;

    @BeforeAll
    static void importLlm() {
        llm = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cyberdevstudio.llm");
    }

    @Test
    void dependsOnlyOnModels() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cyberdevstudio.app..",
                "dev.cyberdevstudio.engine..", "dev.cyberdevstudio.sandbox..", "dev.cyberdevstudio.themes..")
            .because("ARCHITECTURE.md: llm depends only on models").check(llm);
    }

    @Test
    void touchesNoJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the engine runs headless, and llm below it").check(llm);
    }

    @Test
    void neverWritesToTheStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(llm);
    }

    @Test
    void keepsTheLibraryBehindItsOwnFace() {
        noClasses().that().arePublic().and().areNotAssignableTo(LlamaRuntime.class)
            .should().dependOnClassesThat().resideInAnyPackage("de.kherud..")
            .because("LlamaException and the library's types never cross the module's edge; only the package-private "
                + "implementation and LlamaRuntime's internals use them").check(llm);
    }
}
