package dev.cyberdevstudio.engine.agents.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Go panics ({@code panic: …}, then per goroutine a function line and a tab-indented {@code /p/main.go:12 +0x1d})
 * and {@code go test}'s failure lines ({@code     main_test.go:12: want 1, got 2}).
 */
final class GoTraces implements OutputFormat {

    private static final Pattern PANIC = Pattern.compile("^panic: (.*)$");
    private static final Pattern LOCATION = Pattern.compile("^\\t(.+\\.go):(\\d+)(?: \\+0x[0-9a-f]+)?$");
    private static final Pattern FUNCTION = Pattern.compile("^([\\w./*()\\[\\]-]+)\\(.*\\)$");
    private static final Pattern TEST_FAILURE = Pattern.compile("^\\s+([\\w./-]+_test\\.go):(\\d+): (.*)$");

    @Override
    public List<ParsedProblem> parse(List<String> lines) {
        var problems = new ArrayList<ParsedProblem>();
        for (int i = 0; i < lines.size(); i++) {
            var failure = TEST_FAILURE.matcher(lines.get(i));
            if (failure.matches()) {
                problems.add(new ParsedProblem(Problem.Kind.EXCEPTION, "go", failure.group(3),
                    List.of(new SourcePointer(failure.group(1), Integer.parseInt(failure.group(2)), 0, "", i)), i));
                continue;
            }
            var panic = PANIC.matcher(lines.get(i));
            if (!panic.matches()) {
                continue;
            }
            int start = i;
            var pointers = new ArrayList<SourcePointer>();
            int j = i + 1;
            // The first goroutine is the one that panicked; stop at the next goroutine header after frames.
            for (; j < lines.size(); j++) {
                var line = lines.get(j);
                if (line.startsWith("goroutine ") && !pointers.isEmpty()) {
                    break;
                }
                var location = LOCATION.matcher(line);
                if (location.matches()) {
                    var function = j > 0 ? FUNCTION.matcher(lines.get(j - 1)) : null;
                    pointers.add(new SourcePointer(location.group(1), Integer.parseInt(location.group(2)), 0,
                        function != null && function.matches() ? function.group(1) : "", j));
                }
            }
            problems.add(new ParsedProblem(Problem.Kind.EXCEPTION, "go", "panic: " + panic.group(1), pointers,
                start));
            i = j - 1;
        }
        return problems;
    }
}
