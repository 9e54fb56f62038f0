package dev.cyberdevstudio.engine.agents.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small projects with a failing test, run by the real pytest and Node, read back per test with file and line. */
class TestResultsRealRunsTest {

    @TempDir
    Path project;

    @Test
    void runsAPytestProjectAndPointsTheFailureAtItsAssertion() throws Exception {
        assumeTrue(run(List.of("python3", "-c", "import pytest")).exitCode == 0, "pytest is not installed");
        write("calc.py", "def add(a, b):\n    return a - b\n");
        write("tests/test_calc.py", "from calc import add\n\n\ndef test_adds():\n    assert add(2, 2) == 4\n\n\n"
            + "def test_zero():\n    assert add(0, 0) == 0\n");
        write("conftest.py", "");

        var command = TestDetection.detect(project).getFirst();
        assertThat(command.tool()).isEqualTo(BuildTool.PYTEST);
        var started = Instant.now();
        var result = run(command.command());
        var report = TestResults.read(command, project, result.output, started);

        assertThat(report.problems()).isEmpty();
        assertThat(report.summary()).isEqualTo("1 passed, 1 failed");
        var failure = report.failures().getFirst();
        assertThat(failure.name()).isEqualTo("test_adds");
        assertThat(failure.message()).contains("assert 0 == 4");
        assertThat(failure.file()).contains(Path.of("tests/test_calc.py"));
        assertThat(failure.line()).isEqualTo(5);
    }

    @Test
    void readsNodesTapOutputWithNestedSuitesAndTheFailuresLocation() throws Exception {
        write("package.json", "{\"scripts\": {\"test\": \"node --test --test-reporter=tap\"}}");
        write("test/math.test.js", """
            const test = require('node:test');
            const assert = require('node:assert');

            test.describe('math', () => {
              test.it('adds', () => assert.strictEqual(1 + 1, 2));
              test.it('divides', () => {
                assert.strictEqual(6 / 3, 3);
              });
            });
            test.it('skipped one', { skip: true }, () => {});
            """);

        var command = TestDetection.detect(project).getFirst();
        assertThat(command.tool()).isEqualTo(BuildTool.NPM);
        var result = run(List.of("node", "--test", "--test-reporter=tap"));
        var report = TestResults.read(command, project, result.output, Instant.now());

        assertThat(report.cases()).extracting(TestCaseResult::name, TestCaseResult::outcome).containsExactly(
            org.assertj.core.groups.Tuple.tuple("adds", TestOutcome.PASSED),
            org.assertj.core.groups.Tuple.tuple("divides", TestOutcome.FAILED),
            org.assertj.core.groups.Tuple.tuple("skipped one", TestOutcome.SKIPPED));
        var failure = report.failures().getFirst();
        assertThat(failure.file()).contains(Path.of("test/math.test.js"));
        assertThat(failure.line()).isBetween(6, 7);
        assertThat(failure.message()).isNotBlank();
    }

    private void write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Result run(List<String> command) throws Exception {
        var process = new ProcessBuilder(new ArrayList<>(command)).directory(project.toFile())
            .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
