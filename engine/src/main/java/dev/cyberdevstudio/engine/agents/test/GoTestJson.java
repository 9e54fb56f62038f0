package dev.cyberdevstudio.engine.agents.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code go test -json}: one JSON event per line ({@code Action} run/output/pass/fail/skip, {@code Package},
 * {@code Test}, {@code Elapsed}, {@code Output}). A test's output lines become its details; lines that are not JSON
 * (build errors) are left to the run's output.
 */
final class GoTestJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoTestJson() {
    }

    static List<TestCaseResult> parse(String output) {
        var outputs = new LinkedHashMap<String, StringBuilder>();
        var results = new ArrayList<TestCaseResult>();
        for (var line : output.lines().toList()) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (java.io.IOException notJson) {
                continue;
            }
            var test = event.path("Test").asText("");
            if (test.isEmpty()) {
                continue;
            }
            var key = event.path("Package").asText("") + "\u0000" + test;
            switch (event.path("Action").asText("")) {
                case "output" -> outputs.computeIfAbsent(key, k -> new StringBuilder())
                    .append(event.path("Output").asText(""));
                case "pass", "fail", "skip" -> results.add(result(event, outputs.getOrDefault(key,
                    new StringBuilder()).toString()));
                default -> { }
            }
        }
        return results;
    }

    private static TestCaseResult result(JsonNode event, String output) {
        var outcome = switch (event.path("Action").asText()) {
            case "pass" -> TestOutcome.PASSED;
            case "skip" -> TestOutcome.SKIPPED;
            default -> TestOutcome.FAILED;
        };
        var details = outcome == TestOutcome.PASSED ? "" : output.strip();
        var message = details.lines().map(String::strip)
            .filter(line -> !line.startsWith("=== ") && !line.startsWith("--- ") && !line.isEmpty())
            .findFirst().orElse("");
        return TestCaseResult.of(event.path("Package").asText(""), event.path("Test").asText(), outcome,
            event.path("Elapsed").asDouble(0), message, details);
    }
}
