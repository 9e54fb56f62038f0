package dev.cyberdevstudio.engine.agents.test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code cargo test}'s plain output: {@code test tests::adds ... ok}, {@code ... FAILED}, {@code ... ignored}, then
 * each failure's captured output under {@code ---- tests::adds stdout ----}.
 */
final class CargoTestOutput {

    private static final Pattern RESULT = Pattern.compile("^test (\\S+) \\.\\.\\. (ok|FAILED|ignored)\\b.*$");
    private static final Pattern CAPTURE = Pattern.compile("^---- (\\S+) std(?:out|err) ----$");
    private static final Pattern RUNNING = Pattern.compile("^\\s*Running (?:unittests )?(\\S+)");

    private CargoTestOutput() {
    }

    static List<TestCaseResult> parse(String output) {
        var lines = output.lines().toList();
        var captured = new HashMap<String, StringBuilder>();
        String capturing = null;
        for (var line : lines) {
            var capture = CAPTURE.matcher(line);
            if (capture.matches()) {
                capturing = capture.group(1);
                captured.put(capturing, new StringBuilder());
            } else if (capturing != null && (line.equals("failures:") || line.startsWith("test result:"))) {
                capturing = null;
            } else if (capturing != null) {
                captured.get(capturing).append(line).append('\n');
            }
        }
        var results = new ArrayList<TestCaseResult>();
        var suite = "";
        for (var line : lines) {
            var running = RUNNING.matcher(line);
            if (running.find()) {
                suite = running.group(1);
                continue;
            }
            var result = RESULT.matcher(line);
            if (!result.matches()) {
                continue;
            }
            var name = result.group(1);
            var outcome = switch (result.group(2)) {
                case "ok" -> TestOutcome.PASSED;
                case "ignored" -> TestOutcome.SKIPPED;
                default -> TestOutcome.FAILED;
            };
            var details = outcome == TestOutcome.FAILED
                ? captured.getOrDefault(name, new StringBuilder()).toString().strip() : "";
            var message = details.lines().filter(text -> !text.startsWith("thread '")).findFirst()
                .orElse(details.lines().findFirst().orElse(""));
            results.add(TestCaseResult.of(suite, name, outcome, 0, message.strip(), details));
        }
        return results;
    }
}
