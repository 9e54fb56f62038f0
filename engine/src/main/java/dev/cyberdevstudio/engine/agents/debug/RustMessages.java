package dev.cyberdevstudio.engine.agents.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * rustc's diagnostics ({@code error[E0308]: mismatched types} then {@code  --> src/main.rs:4:18}) and Rust panics
 * ({@code thread 'main' panicked at src/main.rs:12:5:} in new releases, {@code panicked at 'msg', src/main.rs:12:5}
 * in old ones), with the {@code at ./src/main.rs:12:5} lines of a backtrace.
 */
final class RustMessages implements OutputFormat {

    private static final Pattern DIAGNOSTIC = Pattern.compile("^(error|warning)(?:\\[(\\w+)])?: (.*)$");
    private static final Pattern ARROW = Pattern.compile("^\\s*--> (.+\\.rs):(\\d+):(\\d+)$");
    private static final Pattern PANIC_NEW = Pattern.compile("^thread '([^']*)' panicked at (.+\\.rs):(\\d+):(\\d+):$");
    private static final Pattern PANIC_OLD = Pattern.compile(
        "^thread '([^']*)' panicked at '(.*)', (.+\\.rs):(\\d+):(\\d+)$");
    private static final Pattern BACKTRACE_AT = Pattern.compile("^\\s+at (.+\\.rs):(\\d+):(\\d+)$");

    @Override
    public List<ParsedProblem> parse(List<String> lines) {
        var problems = new ArrayList<ParsedProblem>();
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var diagnostic = DIAGNOSTIC.matcher(line);
            if (diagnostic.matches() && i + 1 < lines.size()) {
                var arrow = ARROW.matcher(lines.get(i + 1));
                if (arrow.matches()) {
                    var code = diagnostic.group(2) == null ? "" : "[" + diagnostic.group(2) + "]";
                    problems.add(new ParsedProblem(diagnostic.group(1).equals("error") ? Problem.Kind.COMPILE_ERROR
                        : Problem.Kind.COMPILE_WARNING, "rust", diagnostic.group(1) + code + ": " + diagnostic.group(3),
                        List.of(new SourcePointer(arrow.group(1), Integer.parseInt(arrow.group(2)),
                            Integer.parseInt(arrow.group(3)), "", i + 1)), i));
                    i++;
                }
                continue;
            }
            var panicNew = PANIC_NEW.matcher(line);
            var panicOld = PANIC_OLD.matcher(line);
            if (panicNew.matches() || panicOld.matches()) {
                var pointers = new ArrayList<SourcePointer>();
                String message;
                if (panicNew.matches()) {
                    message = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                    pointers.add(new SourcePointer(panicNew.group(2), Integer.parseInt(panicNew.group(3)),
                        Integer.parseInt(panicNew.group(4)), "", i));
                } else {
                    message = panicOld.group(2);
                    pointers.add(new SourcePointer(panicOld.group(3), Integer.parseInt(panicOld.group(4)),
                        Integer.parseInt(panicOld.group(5)), "", i));
                }
                int start = i;
                for (int j = i + 1; j < lines.size(); j++) {
                    var at = BACKTRACE_AT.matcher(lines.get(j));
                    if (at.matches()) {
                        pointers.add(new SourcePointer(at.group(1), Integer.parseInt(at.group(2)),
                            Integer.parseInt(at.group(3)), "", j));
                        i = j;
                    }
                }
                problems.add(new ParsedProblem(Problem.Kind.EXCEPTION, "rust", "panicked: " + message, pointers,
                    start));
            }
        }
        return problems;
    }
}
