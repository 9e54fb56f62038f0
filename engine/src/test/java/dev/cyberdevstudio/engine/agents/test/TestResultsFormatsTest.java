package dev.cyberdevstudio.engine.agents.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of tools this machine may lack (Maven, Gradle, go, cargo), in the formats they write. */
class TestResultsFormatsTest {

    @TempDir
    Path project;

    @Test
    void readsSurefireReportsWrittenSinceTheRunStartedAndPointsAtTheTestLine() throws IOException {
        write("pom.xml", "<project/>");
        write("src/test/java/com/acme/OrdersTest.java", "x\n".repeat(30));
        var started = Instant.now();
        write("target/surefire-reports/TEST-com.acme.OrdersTest.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="com.acme.OrdersTest" tests="3" failures="1" errors="0" skipped="1">
              <testcase name="totalsEmptyOrder" classname="com.acme.OrdersTest" time="0.012"/>
              <testcase name="totalsTwoLines" classname="com.acme.OrdersTest" time="0.004">
                <failure message="expected: &lt;7&gt; but was: &lt;6&gt;" type="org.opentest4j.AssertionFailedError">\
            org.opentest4j.AssertionFailedError: expected: &lt;7&gt; but was: &lt;6&gt;
            \tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:151)
            \tat com.acme.OrdersTest.totalsTwoLines(OrdersTest.java:21)
            </failure>
              </testcase>
              <testcase name="later" classname="com.acme.OrdersTest" time="0"><skipped/></testcase>
            </testsuite>
            """);
        var stale = write("target/surefire-reports/TEST-com.acme.OldTest.xml",
            "<testsuite><testcase name=\"gone\" classname=\"com.acme.OldTest\"/></testsuite>");
        Files.setLastModifiedTime(stale, FileTime.from(started.minusSeconds(3600)));

        var command = TestDetection.detect(project).getFirst();
        var report = TestResults.read(command, project, "", started);

        assertThat(command.tool()).isEqualTo(BuildTool.MAVEN);
        assertThat(report.summary()).isEqualTo("1 passed, 1 failed, 1 skipped");
        var failure = report.failures().getFirst();
        assertThat(failure.suite()).isEqualTo("com.acme.OrdersTest");
        assertThat(failure.message()).isEqualTo("expected: <7> but was: <6>");
        assertThat(failure.file()).contains(Path.of("src/test/java/com/acme/OrdersTest.java"));
        assertThat(failure.line()).isEqualTo(21);
        assertThat(failure.seconds()).isEqualTo(0.004);
    }

    @Test
    void namesAReportThatIsNotXmlAndRefusesDoctypes() throws IOException {
        write("build.gradle", "");
        var started = Instant.now();
        write("build/test-results/test/TEST-broken.xml", "<testsuite><testcase name=");
        write("build/test-results/test/TEST-evil.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM "
            + "\"file:///etc/passwd\">]><testsuite><testcase name=\"&e;\"/></testsuite>");
        write("build/test-results/test/TEST-good.xml", "<testsuite name=\"S\"><testcase name=\"ok\"/></testsuite>");

        var report = TestResults.read(TestDetection.detect(project).getFirst(), project, "", started);

        assertThat(report.cases()).extracting(TestCaseResult::name).containsExactly("ok");
        assertThat(report.problems()).hasSize(2).allSatisfy(problem ->
            assertThat(problem).contains("is not a readable JUnit XML report"));
        assertThat(report.problems()).anySatisfy(problem -> assertThat(problem).contains("TEST-broken.xml"));
        assertThat(report.cases().getFirst().suite()).isEqualTo("S");
    }

    @Test
    void readsGoTestJsonWithEachTestsOutput() throws IOException {
        write("go.mod", "module example.com/app\n");
        write("sum_test.go", "x\n".repeat(20));
        var output = String.join("\n",
            "{\"Action\":\"run\",\"Package\":\"example.com/app\",\"Test\":\"TestSum\"}",
            "{\"Action\":\"output\",\"Package\":\"example.com/app\",\"Test\":\"TestSum\",\"Output\":\"=== RUN   TestSum\\n\"}",
            "{\"Action\":\"output\",\"Package\":\"example.com/app\",\"Test\":\"TestSum\","
                + "\"Output\":\"    sum_test.go:9: Sum(1, 2) = 4, want 3\\n\"}",
            "{\"Action\":\"fail\",\"Package\":\"example.com/app\",\"Test\":\"TestSum\",\"Elapsed\":0.01}",
            "{\"Action\":\"pass\",\"Package\":\"example.com/app\",\"Test\":\"TestMax\",\"Elapsed\":0}",
            "{\"Action\":\"skip\",\"Package\":\"example.com/app\",\"Test\":\"TestSlow\"}",
            "{\"Action\":\"fail\",\"Package\":\"example.com/app\",\"Elapsed\":0.02}",
            "not json at all");

        var report = TestResults.read(TestDetection.detect(project).getFirst(), project, output, Instant.now());

        assertThat(report.summary()).isEqualTo("1 passed, 1 failed, 1 skipped");
        var failure = report.failures().getFirst();
        assertThat(failure.message()).isEqualTo("sum_test.go:9: Sum(1, 2) = 4, want 3");
        assertThat(failure.file()).contains(Path.of("sum_test.go"));
        assertThat(failure.line()).isEqualTo(9);
    }

    @Test
    void readsCargoTestOutputWithThePanicLocation() throws IOException {
        write("Cargo.toml", "[package]\nname = \"app\"\n");
        write("src/lib.rs", "x\n".repeat(20));
        var output = """
                 Running unittests src/lib.rs (target/debug/deps/app-1234)

            running 3 tests
            test tests::adds ... ok
            test tests::divides ... FAILED
            test tests::slow ... ignored

            failures:

            ---- tests::divides stdout ----
            thread 'tests::divides' panicked at src/lib.rs:14:9:
            assertion `left == right` failed
              left: 2
             right: 3

            failures:
                tests::divides

            test result: FAILED. 1 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out
            """;

        var report = TestResults.read(TestDetection.detect(project).getFirst(), project, output, Instant.now());

        assertThat(report.summary()).isEqualTo("1 passed, 1 failed, 1 skipped");
        var failure = report.failures().getFirst();
        assertThat(failure.suite()).isEqualTo("src/lib.rs");
        assertThat(failure.message()).isEqualTo("assertion `left == right` failed");
        assertThat(failure.file()).contains(Path.of("src/lib.rs"));
        assertThat(failure.line()).isEqualTo(14);
    }

    @Test
    void detectsEveryToolAProjectUsesAndIgnoresNpmsPlaceholderScript() throws IOException {
        write("pom.xml", "<project/>");
        write("mvnw", "#!/bin/sh\n").toFile().setExecutable(true);
        write("package.json", "{\"scripts\": {\"test\": \"echo \\\"Error: no test specified\\\" && exit 1\"}}");
        write("pyproject.toml", "[tool.pytest.ini_options]\n");

        assertThat(TestDetection.detect(project)).extracting(TestCommand::tool)
            .containsExactly(BuildTool.MAVEN, BuildTool.PYTEST);
        assertThat(TestDetection.detect(project).getFirst().command()).startsWith("./mvnw");
        assertThat(TestDetection.detect(project.resolve("src"))).isEmpty();
    }

    @Test
    void findsPytestFromTestFilesAloneAndReportsNothingForAnEmptyFolder() throws IOException {
        write("pkg/tests/test_core.py", "def test_x():\n    pass\n");

        assertThat(TestDetection.detect(project)).extracting(TestCommand::tool).containsExactly(BuildTool.PYTEST);
        assertThat(new TestReport(List.of(), List.of()).summary()).isEqualTo("0 passed");
    }

    private Path write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
