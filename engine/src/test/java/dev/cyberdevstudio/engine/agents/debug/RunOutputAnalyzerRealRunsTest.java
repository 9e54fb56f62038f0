package dev.cyberdevstudio.engine.agents.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crashes and compiler errors made by the real tools, then read back into project files and lines. */
class RunOutputAnalyzerRealRunsTest {

    @TempDir
    Path project;

    @Test
    void pointsAPythonCrashAtTheLineThatRaisedAndTheCallerInAnotherFile() throws Exception {
        write("calc.py", "def ratio(a, b):\n    return a / b\n");
        write("main.py", "import calc\n\nprint(calc.ratio(1, 0))\n");
        var output = run("python3", "main.py");

        var problems = new RunOutputAnalyzer(project).analyze(output);

        assertThat(problems).hasSize(1);
        var crash = problems.getFirst();
        assertThat(crash.headline()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(crash.kind()).isEqualTo(Problem.Kind.EXCEPTION);
        assertThat(crash.places()).extracting(ResolvedPointer::label).containsExactly("calc.py:2", "main.py:3");
        assertThat(crash.firstInProject().orElseThrow().excerpt().orElseThrow().render())
            .contains("> 2 |     return a / b");
    }

    @Test
    void readsAPythonSyntaxErrorAsACompileError() throws Exception {
        write("broken.py", "x = 1\ndef f(:\n    pass\n");
        var problems = new RunOutputAnalyzer(project).analyze(run("python3", "broken.py"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.COMPILE_ERROR);
            assertThat(problem.headline()).startsWith("SyntaxError");
            assertThat(problem.places()).extracting(ResolvedPointer::label).containsExactly("broken.py:2");
        });
    }

    @Test
    void pointsANodeCrashAtTheThrowAndSkipsNodesOwnFrames() throws Exception {
        assumeTrue(onPath("node"), "node is not installed");
        write("lib/shapes.js", "function area(r) {\n  if (r < 0) throw new RangeError('negative radius');\n"
            + "  return r * r;\n}\nmodule.exports = { area };\n");
        write("app.js", "const { area } = require('./lib/shapes');\nconsole.log(area(-1));\n");

        var crash = new RunOutputAnalyzer(project).analyze(run("node", "app.js")).getFirst();

        assertThat(crash.language()).isEqualTo("javascript");
        assertThat(crash.headline()).isEqualTo("RangeError: negative radius");
        assertThat(crash.places().getFirst().label()).isEqualTo("lib/shapes.js:2:20");
        assertThat(crash.places()).filteredOn(ResolvedPointer::inProject).extracting(ResolvedPointer::label)
            .containsExactly("lib/shapes.js:2:20", "app.js:2:13");
        assertThat(crash.places()).anySatisfy(place -> {
            assertThat(place.inProject()).isFalse();
            assertThat(place.pointer().printedFile()).startsWith("node:");
        });
    }

    @Test
    void findsJavaSourcesFromTheFramesPackageAndTheCausedByChain() throws Exception {
        var source = write("src/main/java/com/acme/Orders.java", """
            package com.acme;

            public class Orders {
                static int total(int[] prices) {
                    return prices[3];
                }

                public static void main(String[] args) {
                    try {
                        total(new int[2]);
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("total failed", e);
                    }
                }
            }
            """);
        var bin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();
        var classes = Files.createDirectories(project.resolve("target/classes"));
        run(bin.resolve("javac").toString(), "-d", classes.toString(), source.toString());
        var output = run(bin.resolve("java").toString(), "-cp", classes.toString(), "com.acme.Orders");

        var problems = new RunOutputAnalyzer(project).analyze(output);

        assertThat(problems).extracting(Problem::headline).containsExactly(
            "java.lang.IllegalStateException: total failed",
            "Caused by: java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 2");
        assertThat(problems.get(1).firstInProject().orElseThrow().label())
            .isEqualTo("src/main/java/com/acme/Orders.java:5");
        assertThat(problems.getFirst().firstInProject().orElseThrow().pointer().function()).isEqualTo("main");
    }

    @Test
    void readsJavacErrorsWithTheirPositions() throws Exception {
        var source = write("Greeter.java", "class Greeter {\n    int size() {\n        return nme.length();\n    }\n}\n");
        var bin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();

        var problems = new RunOutputAnalyzer(project).analyze(run(bin.resolve("javac").toString(),
            "-d", project.resolve("out").toString(), source.getFileName().toString()));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.COMPILE_ERROR);
            assertThat(problem.headline()).isEqualTo("cannot find symbol");
            assertThat(problem.places()).extracting(ResolvedPointer::label).containsExactly("Greeter.java:3");
        });
    }

    @Test
    void readsGccErrorsAndWarnings() throws Exception {
        assumeTrue(onPath("gcc"), "gcc is not installed");
        write("src/count.c", "int count(void) {\n  int unused;\n  return missing + 1;\n}\n");

        var problems = new RunOutputAnalyzer(project).analyze(run("gcc", "-Wall", "-c", "src/count.c", "-o",
            project.resolve("count.o").toString()));

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.kind()).isEqualTo(Problem.Kind.COMPILE_ERROR);
            assertThat(problem.headline()).contains("missing");
            assertThat(problem.places().getFirst().label()).isEqualTo("src/count.c:3:10");
        });
    }

    private Path write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private String run(String... command) throws Exception {
        var process = new ProcessBuilder(List.of(command)).directory(project.toFile()).redirectErrorStream(true)
            .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static boolean onPath(String command) {
        var path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
