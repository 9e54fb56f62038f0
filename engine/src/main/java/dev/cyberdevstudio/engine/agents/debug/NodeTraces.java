package dev.cyberdevstudio.engine.agents.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JavaScript and TypeScript stack traces from Node, Deno and browsers' consoles:
 * {@code at f (/p/app.js:3:11)} or {@code at /p/app.js:3:11}, with the error line above the first frame.
 */
final class NodeTraces implements OutputFormat {

    private static final Pattern FRAME = Pattern.compile(
        "^\\s*at (?:(?:async )?(.*?) \\()?((?:file://)?[^():\\s][^()]*?\\.(?:[cm]?js|jsx|[cm]?ts|tsx)|node:[\\w/:.-]+)"
            + ":(\\d+):(\\d+)\\)?$");
    private static final Pattern ERROR = Pattern.compile("^(?:Uncaught )?[A-Z]\\w*(?:Error|Exception)\\b.*$");

    @Override
    public List<ParsedProblem> parse(List<String> lines) {
        var problems = new ArrayList<ParsedProblem>();
        int i = 0;
        while (i < lines.size()) {
            if (!FRAME.matcher(lines.get(i)).matches()) {
                i++;
                continue;
            }
            int start = i;
            var pointers = new ArrayList<SourcePointer>();
            boolean typescript = false;
            while (i < lines.size()) {
                var frame = FRAME.matcher(lines.get(i));
                if (!frame.matches()) {
                    break;
                }
                var file = frame.group(2).startsWith("file://") ? frame.group(2).substring(7) : frame.group(2);
                typescript |= file.endsWith(".ts") || file.endsWith(".tsx");
                pointers.add(new SourcePointer(file, Integer.parseInt(frame.group(3)),
                    Integer.parseInt(frame.group(4)), frame.group(1) == null ? "" : frame.group(1), i));
                i++;
            }
            problems.add(new ParsedProblem(Problem.Kind.EXCEPTION, typescript ? "typescript" : "javascript",
                headlineAbove(lines, start), pointers, Math.max(0, start - 1)));
        }
        return problems;
    }

    private static String headlineAbove(List<String> lines, int firstFrame) {
        for (int j = firstFrame - 1; j >= Math.max(0, firstFrame - 6); j--) {
            var line = lines.get(j).strip();
            if (ERROR.matcher(line).matches()) {
                return line;
            }
        }
        return firstFrame > 0 && !lines.get(firstFrame - 1).isBlank() ? lines.get(firstFrame - 1).strip()
            : "JavaScript stack trace";
    }
}
