package dev.cyberdevstudio.engine.agents.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output of tools this machine may not have (Go, Rust, tsc, Maven, pytest), in the formats they print. */
class RunOutputAnalyzerFormatsTest {

    @TempDir
    Path project;
    private RunOutputAnalyzer analyzer;

    @BeforeEach
    void createProject() throws IOException {
        for (var file : new String[] {"main.go", "main_test.go", "src/main.rs", "src/app.ts",
            "src/main/java/com/acme/Main.java", "tests/test_app.py", "node_modules/lib/index.js"}) {
            var path = project.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "line\n".repeat(40));
        }
        analyzer = new RunOutputAnalyzer(project);
    }

    @Test
    void readsAGoPanicFromThePanickingGoroutineOnly() {
        var output = """
            panic: runtime error: index out of range [5] with length 3

            goroutine 1 [running]:
            main.pick(...)
            \t%1$s/main.go:8
            main.main()
            \t%1$s/main.go:12 +0x1d

            goroutine 7 [chan receive]:
            main.worker()
            \t%1$s/main.go:30 +0x40
            exit status 2
            """.formatted(project);

        var panic = analyzer.analyze(output).getFirst();

        assertThat(panic.headline()).isEqualTo("panic: runtime error: index out of range [5] with length 3");
        assertThat(panic.places()).extracting(ResolvedPointer::label).containsExactly("main.go:8", "main.go:12");
        assertThat(panic.places().getFirst().pointer().function()).isEqualTo("main.pick");
    }

    @Test
    void readsGoBuildErrorsAndTestFailures() {
        var output = "# example.com/app\n./main.go:14:2: undefined: total\n--- FAIL: TestSum (0.00s)\n"
            + "    main_test.go:9: Sum(1, 2) = 4, want 3\nFAIL\n";

        var problems = analyzer.analyze(output);

        assertThat(problems).extracting(Problem::headline)
            .containsExactly("undefined: total", "Sum(1, 2) = 4, want 3");
        assertThat(problems).extracting(problem -> problem.places().getFirst().label())
            .containsExactly("main.go:14:2", "main_test.go:9");
        assertThat(problems.getFirst().kind()).isEqualTo(Problem.Kind.COMPILE_ERROR);
    }

    @Test
    void readsRustcDiagnosticsAndBothPanicFormats() {
        var output = """
            warning: unused variable: `x`
             --> src/main.rs:2:9
            error[E0308]: mismatched types
             --> src/main.rs:4:18
              |
            4 |     let n: u32 = "seven";
              |            ---   ^^^^^^^ expected `u32`, found `&str`
            thread 'main' panicked at src/main.rs:12:5:
            attempt to divide by zero
            stack backtrace:
               0: app::divide
                         at ./src/main.rs:12:5
               1: app::main
                         at ./src/main.rs:20:13
            thread 'worker' panicked at 'called `Option::unwrap()` on a `None` value', src/main.rs:30:9
            """;

        var problems = analyzer.analyze(output);

        assertThat(problems).extracting(Problem::kind).containsExactly(Problem.Kind.COMPILE_WARNING,
            Problem.Kind.COMPILE_ERROR, Problem.Kind.EXCEPTION, Problem.Kind.EXCEPTION);
        assertThat(problems.get(1).headline()).isEqualTo("error[E0308]: mismatched types");
        assertThat(problems.get(2).headline()).isEqualTo("panicked: attempt to divide by zero");
        assertThat(problems.get(2).places()).extracting(ResolvedPointer::label)
            .containsExactly("src/main.rs:12:5", "src/main.rs:12:5", "src/main.rs:20:13");
        assertThat(problems.get(3).places().getFirst().label()).isEqualTo("src/main.rs:30:9");
    }

    @Test
    void readsTscInBothItsFormats() {
        var output = "src/app.ts(7,3): error TS2322: Type 'string' is not assignable to type 'number'.\n"
            + "src/app.ts:9:11 - error TS2304: Cannot find name 'totl'.\n";

        assertThat(analyzer.analyze(output)).extracting(Problem::headline, p -> p.places().getFirst().label())
            .containsExactly(
                org.assertj.core.groups.Tuple.tuple(
                    "TS2322: Type 'string' is not assignable to type 'number'.", "src/app.ts:7:3"),
                org.assertj.core.groups.Tuple.tuple("TS2304: Cannot find name 'totl'.", "src/app.ts:9:11"));
    }

    @Test
    void readsMavenCompilerErrorsWithAbsolutePathsAndAnsiColours() {
        var output = "\u001b[1;31m[ERROR]\u001b[m " + project + "/src/main/java/com/acme/Main.java:[21,17] "
            + "cannot find symbol\n[WARNING] " + project + "/src/main/java/com/acme/Main.java:[3,1] deprecated\n";

        var problems = analyzer.analyze(output);

        assertThat(problems).extracting(Problem::kind)
            .containsExactly(Problem.Kind.COMPILE_ERROR, Problem.Kind.COMPILE_WARNING);
        assertThat(problems.getFirst().places().getFirst().label())
            .isEqualTo("src/main/java/com/acme/Main.java:21:17");
    }

    @Test
    void readsPytestShortFailures() {
        var output = "    def test_total():\n>       assert total([1, 2]) == 4\nE       assert 3 == 4\n\n"
            + "tests/test_app.py:12: AssertionError\n";

        assertThat(analyzer.analyze(output)).singleElement().satisfies(problem -> {
            assertThat(problem.headline()).isEqualTo("AssertionError");
            assertThat(problem.places().getFirst().label()).isEqualTo("tests/test_app.py:12");
        });
    }

    @Test
    void keepsLibraryAndOutsideFramesButNeverPointsAFixThere() {
        var output = "TypeError: x is not a function\n    at run (" + project + "/node_modules/lib/index.js:3:7)\n"
            + "    at /usr/lib/node/other.js:1:1\n";

        var problem = analyzer.analyze(output).getFirst();

        assertThat(problem.places()).hasSize(2).noneMatch(ResolvedPointer::inProject);
        assertThat(problem.firstInProject()).isEmpty();
        assertThat(problem.places().getLast().label()).isEqualTo("/usr/lib/node/other.js:1:1");
    }

    @Test
    void findsJavaSourcesByPackagePathAndPrefersMainSources() throws IOException {
        var testCopy = project.resolve("src/test/java/com/acme/Main.java");
        Files.createDirectories(testCopy.getParent());
        Files.writeString(testCopy, "x\n");
        var output = "java.lang.NullPointerException: boom\n\tat com.acme.Main.run(Main.java:5)\n";

        assertThat(analyzer.analyze(output).getFirst().places().getFirst().label())
            .isEqualTo("src/main/java/com/acme/Main.java:5");
    }

    @Test
    void aLineBeyondTheFileResolvesWithoutAnExcerpt() {
        var problem = analyzer.analyze("./main.go:400:1: syntax error\n").getFirst();

        assertThat(problem.places().getFirst().inProject()).isTrue();
        assertThat(problem.places().getFirst().excerpt()).isEmpty();
    }

    @Test
    void findsNothingInOrdinaryOutputAndCopesWithHugeOutput() {
        assertThat(analyzer.analyze("Build OK\n3 tests passed\nat noon we ship\n")).isEmpty();
        var huge = "noise\n".repeat(600_000) + "ValueError: late\n";
        var trace = "Traceback (most recent call last):\n  File \"tests/test_app.py\", line 3, in <module>\n"
            + "    boom()\nValueError: late\n";

        assertThat(analyzer.analyze(huge + trace)).singleElement()
            .satisfies(problem -> assertThat(problem.headline()).isEqualTo("ValueError: late"));
    }
}
