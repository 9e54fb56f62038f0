package dev.cyberdevstudio.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine runs headless: these rules hold it to that, on the engine's own class path (no JavaFX here). */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cyberdevstudio.engine");
    }

    @Test
    void knowsNothingOfJavaFxOrTheApp() {
        noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("javafx..", "atlantafx..", "org.fxmisc..", "dev.cyberdevstudio.app..")
            .because("the engine serves the desktop, the server and workers alike").check(engine);
    }

    @Test
    void hidesThirdPartyExceptionsFromItsCallers() {
        noClasses().that().arePublic()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.flywaydb.core.api.FlywayException")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.h2.jdbc.JdbcSQLException")
            .because("callers catch EngineException, never a library's type").allowEmptyShould(true).check(engine);
    }

    @Test
    void logsThroughSlf4jOnly() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(engine);
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(engine);
    }
}
