package dev.cyberdevstudio.engine.agents.test;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One test as a report gave it.
 *
 * @param suite    the class, module or file that holds it ({@code com.acme.OrdersTest}, {@code tests/test_app.py})
 * @param name     the test's own name
 * @param seconds  how long it ran, 0 when the report does not say
 * @param message  the failure's one-line message, empty when it passed
 * @param details  the failure's full text (stack trace, assertion diff), empty when it passed
 * @param file     the project file where it failed, relative to the project, when the details name one
 * @param line     1-based line in {@code file}, 0 when unknown
 */
public record TestCaseResult(String suite, String name, TestOutcome outcome, double seconds, String message,
                             String details, Optional<Path> file, int line) {

    public static TestCaseResult of(String suite, String name, TestOutcome outcome, double seconds, String message,
                                    String details) {
        return new TestCaseResult(suite, name, outcome, seconds, message, details, Optional.empty(), 0);
    }

    public TestCaseResult at(Path where, int lineNumber) {
        return new TestCaseResult(suite, name, outcome, seconds, message, details, Optional.of(where), lineNumber);
    }

    public boolean failed() {
        return outcome == TestOutcome.FAILED || outcome == TestOutcome.ERRORED;
    }
}
