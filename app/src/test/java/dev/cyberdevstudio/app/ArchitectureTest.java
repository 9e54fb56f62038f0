package dev.cyberdevstudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of ARCHITECTURE.md, checked over the main classes of every module (the app's class path holds
 * them all). Maven's dependencies already forbid most wrong imports; these rules also catch the ones a new
 * dependency would quietly allow. Rules about modules that hold no code yet are allowed to match nothing.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // Other modules' test jars (test models, test launchers, benchmarks) are on the class path too: not rules' code.
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.cyberdevstudio");
    }

    @Test
    void nothingBelowTheAppTouchesJavaFx() {
        noClasses().that().resideInAnyPackage("dev.cyberdevstudio.engine..", "dev.cyberdevstudio.sandbox..",
                "dev.cyberdevstudio.llm..", "dev.cyberdevstudio.models..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.fxmisc..",
                "com.techsenger..")
            .because("the engine runs headless (server, worker, tests) with no JavaFX on the class path")
            .check(classes);
    }

    @Test
    void engineDoesNotKnowTheApp() {
        noClasses().that().resideInAPackage("dev.cyberdevstudio.engine..")
            .should().dependOnClassesThat().resideInAPackage("dev.cyberdevstudio.app..")
            .because("panes talk to the engine through view models, never the other way round")
            .check(classes);
    }

    @Test
    void sandboxDependsOnNoOtherModuleOfOurs() {
        noClasses().that().resideInAPackage("dev.cyberdevstudio.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cyberdevstudio.app..",
                "dev.cyberdevstudio.engine..", "dev.cyberdevstudio.llm..", "dev.cyberdevstudio.models..")
            .because("the sandbox is the bottom layer a security reviewer reads on its own")
            .allowEmptyShould(true)
            .check(classes);
    }

    @Test
    void modelsDependsOnNoOtherModuleOfOurs() {
        noClasses().that().resideInAPackage("dev.cyberdevstudio.models..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cyberdevstudio.app..",
                "dev.cyberdevstudio.engine..", "dev.cyberdevstudio.llm..", "dev.cyberdevstudio.sandbox..")
            .because("the model catalog and files stand alone")
            .allowEmptyShould(true)
            .check(classes);
    }

    @Test
    void llmDependsOnlyOnModels() {
        noClasses().that().resideInAPackage("dev.cyberdevstudio.llm..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cyberdevstudio.app..",
                "dev.cyberdevstudio.engine..", "dev.cyberdevstudio.sandbox..")
            .because("inference needs model files and nothing else of ours")
            .allowEmptyShould(true)
            .check(classes);
    }

    @Test
    void logsGoThroughSlf4jAndNeverToStandardStreams() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because("SLF4J + Logback is the one logging path").check(classes);
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("users see short messages in the UI; details go to the log file").check(classes);
    }

    @Test
    void theAppStartsNoThreadsOfItsOwn() {
        noClasses().that().resideInAPackage("dev.cyberdevstudio.app..")
            .should().callConstructor(Thread.class)
            .orShould().callConstructor(Thread.class, Runnable.class)
            .orShould().callConstructor(Thread.class, Runnable.class, String.class)
            .orShould().callConstructor(Thread.class, String.class)
            .because("background work goes through TaskExecutor (virtual threads), so it can be tested and cancelled")
            .check(classes);
    }
}
