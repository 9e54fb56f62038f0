package dev.cyberdevstudio.engine.agents.test;

import dev.cyberdevstudio.engine.agents.debug.RunOutputAnalyzer;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Test agent's reading of a finished test run: the tool's JUnit XML reports when it writes them (only those
 * written since the run started, so an old report never passes for a new result), or its output ({@code go test
 * -json}, cargo, TAP); then each failure is pointed at the project file and line its details name.
 *
 * <pre>{@code
 * var command = TestDetection.detect(project).getFirst();
 * var started = Instant.now();
 * String output = run(command);                       // in the process sandbox
 * TestReport report = TestResults.read(command, project, output, started);
 * }</pre>
 */
public final class TestResults {

    private static final Pattern TAP_LOCATION = Pattern.compile("location:\\s*'?(?:file://)?(.+?):(\\d+):(\\d+)'?");
    private static final int MAX_REPORTS = 5_000;

    private TestResults() {
    }

    public static TestReport read(TestCommand command, Path projectRoot, String output, Instant started) {
        var cases = new ArrayList<TestCaseResult>();
        var problems = new ArrayList<String>();
        if (!command.reports().isEmpty()) {
            for (var report : reports(projectRoot.resolve(command.workingDirectory()), command.reports(), started)) {
                try {
                    cases.addAll(JUnitXmlReports.parse(report));
                } catch (IOException unreadable) {
                    problems.add(unreadable.getMessage());
                }
            }
        } else {
            switch (command.tool()) {
                case GO -> cases.addAll(GoTestJson.parse(output));
                case CARGO -> cases.addAll(CargoTestOutput.parse(output));
                default -> cases.addAll(TapOutput.parse(output, command.commandLine()));
            }
        }
        var analyzer = new RunOutputAnalyzer(projectRoot);
        return new TestReport(cases.stream().map(test -> locate(test, analyzer, projectRoot)).toList(), problems);
    }

    private static TestCaseResult locate(TestCaseResult test, RunOutputAnalyzer analyzer, Path root) {
        if (!test.failed() || test.details().isEmpty()) {
            return test;
        }
        var tap = TAP_LOCATION.matcher(test.details());
        if (tap.find()) {
            var file = Path.of(tap.group(1));
            var relative = file.isAbsolute() && file.normalize().startsWith(root.toAbsolutePath().normalize())
                ? root.toAbsolutePath().normalize().relativize(file.normalize()) : file;
            if (Files.isRegularFile(root.resolve(relative))) {
                return test.at(relative, Integer.parseInt(tap.group(2)));
            }
        }
        for (var problem : analyzer.analyze(test.details())) {
            var place = problem.firstInProject();
            if (place.isPresent()) {
                return test.at(place.get().file().orElseThrow(), place.get().pointer().line());
            }
        }
        return test;
    }

    private static List<Path> reports(Path folder, List<String> globs, Instant started) {
        var matchers = globs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        var since = FileTime.from(started.minusSeconds(2));
        try (Stream<Path> files = Files.walk(folder, 6)) {
            return files.filter(Files::isRegularFile)
                .filter(file -> matchers.stream().anyMatch(matcher -> matcher.matches(folder.relativize(file))))
                .filter(file -> modifiedSince(file, since))
                .sorted(Comparator.naturalOrder())
                .limit(MAX_REPORTS)
                .toList();
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return List.of();
        }
    }

    private static boolean modifiedSince(Path file, FileTime since) {
        try {
            return Files.getLastModifiedTime(file).compareTo(since) >= 0;
        } catch (IOException gone) {
            return false;
        }
    }
}
