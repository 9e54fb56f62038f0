package dev.cyberdevstudio.sandbox.ssh;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** sshj stays inside this package: callers see our records, outcomes and SandboxException, never sshj's types. */
class SshArchitectureTest {

    private static final String[] SSHJ = {"net.schmizz..", "com.hierynomus.."};

    private static JavaClasses sandbox;

    @BeforeAll
    static void importSandbox() {
        sandbox = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cyberdevstudio.sandbox");
    }

    @Test
    void onlyTheSshPackageUsesSshj() {
        noClasses().that().resideOutsideOfPackage("dev.cyberdevstudio.sandbox.ssh")
            .should().dependOnClassesThat().resideInAnyPackage(SSHJ)
            .because("STYLE.md: a library's exceptions and types are wrapped at the module's edge").check(sandbox);
    }

    @Test
    void publicMethodsNeitherTakeNorReturnNorThrowSshjTypes() {
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("dev.cyberdevstudio.sandbox.ssh")
            .should(new ArchCondition<JavaMethod>("use no sshj type in their signature") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    signature(method).filter(type -> type.getPackageName().startsWith("net.schmizz")
                            || type.getPackageName().startsWith("com.hierynomus"))
                        .forEach(type -> events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " exposes " + type.getName())));
                }
            })
            .allowEmptyShould(false)
            .because("callers must never catch or build a third party's type").check(sandbox);
    }

    private static Stream<JavaClass> signature(JavaCodeUnit method) {
        return Stream.of(Stream.of(method.getRawReturnType()), method.getRawParameterTypes().stream(),
                method.getThrowsClause().getTypes().stream()).flatMap(types -> types);
    }
}
