package dev.cyberdevstudio.engine.agents.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiler errors and warnings that name a position on one line: javac ({@code Main.java:12: error: …}), Maven's
 * compiler plugin ({@code [ERROR] /p/Main.java:[12,5] …}), tsc ({@code src/a.ts(12,5): error TS2322: …} and
 * {@code src/a.ts:12:5 - error TS2322: …}), gcc and clang, and Go's build ({@code ./main.go:12:5: undefined: x}).
 */
final class CompilerMessages implements OutputFormat {

    private static final Pattern JAVAC = Pattern.compile("^(.+\\.java):(\\d+): (error|warning): (.*)$");
    private static final Pattern MAVEN = Pattern.compile(
        "^\\[(ERROR|WARNING)] (?:COMPILATION ERROR : )?(.+\\.(?:java|kt|scala|groovy)):\\[(\\d+),(\\d+)] (.*)$");
    private static final Pattern TSC = Pattern.compile(
        "^(.+\\.(?:[cm]?ts|tsx|[cm]?js|jsx))(?:\\((\\d+),(\\d+)\\)|:(\\d+):(\\d+)) ?[:-] (error|warning) (TS\\d+): (.*)$");
    private static final Pattern GCC_STYLE = Pattern.compile(
        "^(.+\\.(c|h|cc|cpp|cxx|hpp|hh|m|go|swift|zig|py)):(\\d+):(\\d+): (?:(fatal error|error|warning): )?(.*)$");

    @Override
    public List<ParsedProblem> parse(List<String> lines) {
        var problems = new ArrayList<ParsedProblem>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            Matcher m;
            if ((m = JAVAC.matcher(line)).matches()) {
                problems.add(problem(kind(m.group(3)), "java", m.group(4), m.group(1), m.group(2), "0", i));
            } else if ((m = MAVEN.matcher(line)).matches()) {
                problems.add(problem(kind(m.group(1)), "java", m.group(5), m.group(2), m.group(3), m.group(4), i));
            } else if ((m = TSC.matcher(line)).matches()) {
                var lineNumber = m.group(2) != null ? m.group(2) : m.group(4);
                var column = m.group(3) != null ? m.group(3) : m.group(5);
                problems.add(problem(kind(m.group(6)), "typescript", m.group(7) + ": " + m.group(8), m.group(1),
                    lineNumber, column, i));
            } else if ((m = GCC_STYLE.matcher(line)).matches() && !m.group(6).isBlank()) {
                var language = switch (m.group(2)) {
                    case "go" -> "go";
                    case "py" -> "python";
                    case "swift", "zig", "m" -> m.group(2);
                    default -> "c";
                };
                // Go's compiler prints no "error:" word; gcc's notes ("note: …") are context, not problems.
                var severity = m.group(5) == null ? "error" : m.group(5);
                if (line.contains(": note: ")) {
                    continue;
                }
                problems.add(problem(kind(severity), language, m.group(6), m.group(1), m.group(3), m.group(4), i));
            }
        }
        return problems;
    }

    private static Problem.Kind kind(String severity) {
        return severity.toLowerCase(Locale.ROOT).contains("warning") ? Problem.Kind.COMPILE_WARNING
            : Problem.Kind.COMPILE_ERROR;
    }

    private static ParsedProblem problem(Problem.Kind kind, String language, String message, String file,
                                         String line, String column, int outputLine) {
        return new ParsedProblem(kind, language, message.strip(), List.of(new SourcePointer(file.strip(),
            Integer.parseInt(line), Integer.parseInt(column), "", outputLine)), outputLine);
    }
}
