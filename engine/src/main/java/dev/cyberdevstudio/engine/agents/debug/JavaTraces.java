package dev.cyberdevstudio.engine.agents.debug;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Java (and Kotlin, Scala, Groovy) stack traces: {@code at com.acme.Main.run(Main.java:12)}, with the exception
 * line above the first frame and each {@code Caused by:} as a problem of its own.
 */
final class JavaTraces implements OutputFormat {

    private static final Pattern FRAME = Pattern.compile(
        "^\\s*at\\s+(?:[\\w.$-]+/)?((?:[\\w$]+\\.)*)[\\w$]+\\.([\\w$<>-]+)\\(([\\w$-]+\\.(?:java|kt|scala|groovy))"
            + ":(\\d+)\\)");
    private static final Pattern HEADLINE = Pattern.compile(
        "^(?:Exception in thread \"[^\"]*\" |Caused by: |\\s*)?((?:[a-zA-Z_$][\\w$]*\\.)*[A-Z][\\w$]*"
            + "(?:Exception|Error|Throwable|Failure|Failed)[\\w$]*(?::.*)?)$");

    @Override
    public List<ParsedProblem> parse(List<String> lines) {
        var problems = new ArrayList<ParsedProblem>();
        int i = 0;
        while (i < lines.size()) {
            var frame = FRAME.matcher(lines.get(i));
            if (!frame.find()) {
                i++;
                continue;
            }
            int start = i;
            var headline = headlineAbove(lines, start);
            var pointers = new ArrayList<SourcePointer>();
            while (i < lines.size() && (frame = FRAME.matcher(lines.get(i))).find()) {
                var packagePath = frame.group(1).replace('.', '/');
                pointers.add(new SourcePointer(packagePath + frame.group(3), Integer.parseInt(frame.group(4)), 0,
                    frame.group(2), i));
                i++;
            }
            problems.add(new ParsedProblem(Problem.Kind.EXCEPTION, "java", headline, pointers,
                Math.max(0, start - 1)));
        }
        return problems;
    }

    private static String headlineAbove(List<String> lines, int firstFrame) {
        for (int j = firstFrame - 1; j >= Math.max(0, firstFrame - 3); j--) {
            var line = lines.get(j).strip();
            var matcher = HEADLINE.matcher(line);
            if (matcher.matches()) {
                return line.startsWith("Caused by: ") ? line : matcher.group(1);
            }
        }
        return firstFrame > 0 ? lines.get(firstFrame - 1).strip() : "Java stack trace";
    }
}
