package dev.cyberdevstudio.engine.agents.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Test Anything Protocol as {@code node --test --test-reporter=tap} and tape print it: {@code ok 1 - name},
 * {@code not ok 2 - name} with an indented YAML block ({@code error:}, {@code location:}, {@code stack:}), a
 * {@code # SKIP} or {@code # TODO} directive, subtests indented under their parent.
 */
final class TapOutput {

    private static final Pattern RESULT = Pattern.compile(
        "^(\\s*)(ok|not ok) \\d+(?: -)? ?([^#]*?)\\s*(?:#\\s*(SKIP|TODO)\\b.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("^\\s*duration_ms:\\s*([\\d.]+)");
    private static final Pattern ERROR = Pattern.compile("^\\s*error:\\s*[|>]?-?\\s*'?(.*?)'?\\s*$");
    private static final Pattern TYPE = Pattern.compile("^\\s*type:\\s*'?(\\w+)'?");

    private TapOutput() {
    }

    static List<TestCaseResult> parse(String output, String suite) {
        var lines = output.lines().toList();
        var results = new ArrayList<TestCaseResult>();
        for (int i = 0; i < lines.size(); i++) {
            var result = RESULT.matcher(lines.get(i));
            if (!result.matches()) {
                continue;
            }
            var indent = result.group(1).length();
            var block = new StringBuilder();
            double seconds = 0;
            String message = "";
            boolean suiteNode = false;
            int j = i + 1;
            if (j < lines.size() && lines.get(j).strip().equals("---")) {
                for (j = j + 1; j < lines.size() && !lines.get(j).strip().equals("..."); j++) {
                    var line = lines.get(j);
                    block.append(line.strip()).append('\n');
                    var duration = DURATION.matcher(line);
                    if (duration.find()) {
                        seconds = Double.parseDouble(duration.group(1)) / 1000;
                    }
                    var error = ERROR.matcher(line);
                    if (message.isEmpty() && error.matches()) {
                        message = error.group(1).isEmpty() && j + 1 < lines.size() ? lines.get(j + 1).strip()
                            : error.group(1);
                    }
                    var type = TYPE.matcher(line);
                    suiteNode |= type.find() && type.group(1).equals("suite");
                }
            }
            // A describe() block reports as a test too; its tests are reported on their own.
            if (suiteNode || hasSubtestsAbove(lines, i, indent)) {
                continue;
            }
            var directive = result.group(4);
            TestOutcome outcome;
            if (directive != null) {
                outcome = TestOutcome.SKIPPED;
            } else {
                outcome = result.group(2).equalsIgnoreCase("ok") ? TestOutcome.PASSED : TestOutcome.FAILED;
            }
            results.add(TestCaseResult.of(suite, result.group(3).strip(), outcome, seconds,
                outcome == TestOutcome.FAILED ? message : "", outcome == TestOutcome.FAILED ? block.toString().strip()
                    : ""));
        }
        return results;
    }

    // Node prints a parent's own result after its indented subtests' results.
    private static boolean hasSubtestsAbove(List<String> lines, int resultLine, int indent) {
        for (int k = resultLine - 1; k >= 0; k--) {
            var line = lines.get(k);
            if (line.isBlank()) {
                continue;
            }
            int lineIndent = line.length() - line.stripLeading().length();
            if (lineIndent <= indent) {
                return false;
            }
            if (RESULT.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }
}
