package dev.cyberdevstudio.engine.agents.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Python tracebacks ({@code File "app.py", line 12, in main}), syntax errors (the same line without a function),
 * and pytest's short form ({@code tests/test_app.py:12: AssertionError}). Python prints the outermost frame first;
 * the pointers come out innermost first, like every other format here.
 */
final class PythonTraces implements OutputFormat {

    private static final Pattern FRAME = Pattern.compile("^\\s*File \"([^\"]+)\", line (\\d+)(?:, in (.+))?$");
    private static final Pattern EXCEPTION = Pattern.compile(
        "^(?:[A-Za-z_][\\w.]*\\.)?[A-Z]\\w*(?:Error|Exception|Warning|Exit|Interrupt|Failure)\\b.*$");
    private static final Pattern PYTEST = Pattern.compile("^([\\w./\\\\-]+\\.py):(\\d+): (\\w[\\w.]*.*)$");
    private static final Pattern CARET_OR_CODE = Pattern.compile("^\\s+.*$");

    @Override
    public List<ParsedProblem> parse(List<String> lines) {
        var problems = new ArrayList<ParsedProblem>();
        int i = 0;
        while (i < lines.size()) {
            var pytest = PYTEST.matcher(lines.get(i));
            if (pytest.matches()) {
                problems.add(new ParsedProblem(Problem.Kind.EXCEPTION, "python", pytest.group(3),
                    List.of(new SourcePointer(pytest.group(1), Integer.parseInt(pytest.group(2)), 0, "", i)), i));
                i++;
                continue;
            }
            if (!FRAME.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            int start = i > 0 && lines.get(i - 1).startsWith("Traceback") ? i - 1 : i;
            var frames = new ArrayList<SourcePointer>();
            boolean syntaxError = false;
            while (i < lines.size()) {
                var frame = FRAME.matcher(lines.get(i));
                if (frame.matches()) {
                    syntaxError = frame.group(3) == null;
                    frames.add(new SourcePointer(frame.group(1), Integer.parseInt(frame.group(2)), 0,
                        frame.group(3) == null ? "" : frame.group(3), i));
                    i++;
                } else if (CARET_OR_CODE.matcher(lines.get(i)).matches()) {
                    i++;
                } else {
                    break;
                }
            }
            var headline = i < lines.size() && EXCEPTION.matcher(lines.get(i).strip()).matches()
                ? lines.get(i).strip() : "Python traceback";
            var innermostFirst = new ArrayList<>(frames.reversed());
            problems.add(new ParsedProblem(syntaxError && headline.startsWith("SyntaxError")
                || headline.startsWith("IndentationError") ? Problem.Kind.COMPILE_ERROR : Problem.Kind.EXCEPTION,
                "python", headline, innermostFirst, start));
        }
        return problems;
    }
}
