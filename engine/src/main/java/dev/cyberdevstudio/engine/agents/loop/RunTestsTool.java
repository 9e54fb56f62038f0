package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyberdevstudio.engine.agents.test.TestDetection;
import dev.cyberdevstudio.engine.agents.test.TestReport;
import dev.cyberdevstudio.engine.agents.test.TestResults;
import java.time.Instant;

/** run_tests: the project's tests, found and read by the Test agent's core, summed up with each failure's place. */
final class RunTestsTool implements AgentTool {

    static final int MAX_FAILURES_SHOWN = 10;

    @Override
    public String name() {
        return "run_tests";
    }

    @Override
    public String description() {
        return "run the project's tests (Maven, Gradle, npm, pytest, go, cargo) and get each failure with file:line";
    }

    @Override
    public ObjectNode argumentsSchema() {
        return Schemas.object(Schemas.properties());
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws InterruptedException {
        var root = context.files().root();
        var commands = TestDetection.detect(root);
        if (commands.isEmpty()) {
            return ToolResult.error("this project has no test setup the studio recognises (Maven, Gradle, npm,"
                + " pytest, go, cargo)");
        }
        var command = commands.getFirst();
        var started = Instant.now();
        var ran = SandboxCommand.run(context, command.command(), command.commandLine());
        var report = TestResults.read(command, root, ran.output(), started);
        return new ToolResult(report.failures().isEmpty() && ran.succeeded(), describe(command.commandLine(), ran,
            report));
    }

    static String describe(String commandLine, SandboxCommand.Ran ran, TestReport report) {
        var out = new StringBuilder("$ ").append(commandLine).append(" [").append(ran.outcome()).append("]\n")
            .append(report.summary()).append('\n');
        report.failures().stream().limit(MAX_FAILURES_SHOWN).forEach(failure -> {
            out.append("FAILED ").append(failure.suite()).append(' ').append(failure.name());
            failure.file().ifPresent(file -> out.append(" at ").append(file.toString().replace('\\', '/'))
                .append(':').append(failure.line()));
            out.append(": ").append(failure.message()).append('\n');
        });
        report.problems().forEach(problem -> out.append("(").append(problem).append(")\n"));
        if (report.cases().isEmpty()) {
            var tail = ran.output();
            out.append(tail.length() > 4_000 ? tail.substring(tail.length() - 4_000) : tail);
        }
        return out.toString();
    }
}
