package dev.cyberdevstudio.engine.agents.test;

import java.util.List;

/**
 * The tests of one run: every case, and what could not be read.
 *
 * @param problems reports that could not be read, each naming the file and why; the cases of the others remain
 */
public record TestReport(List<TestCaseResult> cases, List<String> problems) {

    public TestReport {
        cases = List.copyOf(cases);
        problems = List.copyOf(problems);
    }

    public long count(TestOutcome outcome) {
        return cases.stream().filter(test -> test.outcome() == outcome).count();
    }

    public List<TestCaseResult> failures() {
        return cases.stream().filter(TestCaseResult::failed).toList();
    }

    /** {@code 12 passed, 2 failed, 1 skipped}. */
    public String summary() {
        var parts = new java.util.ArrayList<String>();
        parts.add(count(TestOutcome.PASSED) + " passed");
        if (count(TestOutcome.FAILED) > 0) {
            parts.add(count(TestOutcome.FAILED) + " failed");
        }
        if (count(TestOutcome.ERRORED) > 0) {
            parts.add(count(TestOutcome.ERRORED) + " errored");
        }
        if (count(TestOutcome.SKIPPED) > 0) {
            parts.add(count(TestOutcome.SKIPPED) + " skipped");
        }
        return String.join(", ", parts);
    }
}
