package dev.cyberdevstudio.engine.agents.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds how a project runs its tests from the files at its root: {@code pom.xml} (Maven, through {@code ./mvnw} when
 * the project has it), {@code build.gradle[.kts]} (Gradle), {@code Cargo.toml}, {@code go.mod}, {@code package.json}
 * with a {@code test} script, and pytest's markers ({@code pytest.ini}, {@code conftest.py}, {@code [tool.pytest]}
 * in {@code pyproject.toml}, {@code [tool:pytest]} in {@code setup.cfg}, or {@code test_*.py} files). A project with
 * several gets several commands, in that order.
 */
public final class TestDetection {

    /** Where pytest's JUnit report goes, inside the project (the sandbox lets a run write nowhere else). */
    public static final String PYTEST_REPORT = ".cyberdevstudio/test-reports/pytest.xml";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDetection() {
    }

    public static List<TestCommand> detect(Path root) {
        var commands = new ArrayList<TestCommand>();
        var here = Path.of("");
        if (Files.isRegularFile(root.resolve("pom.xml"))) {
            var maven = Files.isExecutable(root.resolve("mvnw")) ? "./mvnw" : "mvn";
            commands.add(new TestCommand(BuildTool.MAVEN, List.of(maven, "-B", "test",
                "-Dmaven.test.failure.ignore=true"), here,
                List.of("target/surefire-reports/TEST-*.xml", "*/target/surefire-reports/TEST-*.xml")));
        }
        if (Files.isRegularFile(root.resolve("build.gradle")) || Files.isRegularFile(root.resolve("build.gradle.kts"))) {
            var gradle = Files.isExecutable(root.resolve("gradlew")) ? "./gradlew" : "gradle";
            commands.add(new TestCommand(BuildTool.GRADLE, List.of(gradle, "test", "--continue"), here,
                List.of("build/test-results/test/*.xml", "*/build/test-results/test/*.xml")));
        }
        if (Files.isRegularFile(root.resolve("Cargo.toml"))) {
            commands.add(new TestCommand(BuildTool.CARGO, List.of("cargo", "test", "--no-fail-fast"), here,
                List.of()));
        }
        if (Files.isRegularFile(root.resolve("go.mod"))) {
            commands.add(new TestCommand(BuildTool.GO, List.of("go", "test", "-json", "./..."), here, List.of()));
        }
        if (hasNpmTestScript(root)) {
            commands.add(new TestCommand(BuildTool.NPM, List.of("npm", "test", "--silent"), here, List.of()));
        }
        if (usesPytest(root)) {
            commands.add(new TestCommand(BuildTool.PYTEST, List.of("python3", "-m", "pytest", "-q",
                "-p", "no:cacheprovider", "--junitxml=" + PYTEST_REPORT), here, List.of(PYTEST_REPORT)));
        }
        return commands;
    }

    private static boolean hasNpmTestScript(Path root) {
        var manifest = root.resolve("package.json");
        if (!Files.isRegularFile(manifest)) {
            return false;
        }
        try {
            var test = JSON.readTree(manifest.toFile()).path("scripts").path("test").asText("");
            // npm init writes a test script that only fails: that is no test suite.
            return !test.isBlank() && !test.contains("no test specified");
        } catch (IOException unreadable) {
            return false;
        }
    }

    private static boolean usesPytest(Path root) {
        if (Files.isRegularFile(root.resolve("pytest.ini")) || Files.isRegularFile(root.resolve("conftest.py"))
            || contains(root.resolve("pyproject.toml"), "[tool.pytest") || contains(root.resolve("setup.cfg"),
            "[tool:pytest]") || contains(root.resolve("tox.ini"), "[pytest]")) {
            return true;
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                .anyMatch(name -> name.endsWith(".py") && (name.startsWith("test_") || name.endsWith("_test.py")));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return false;
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.isRegularFile(file) && Files.readString(file).contains(text);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
