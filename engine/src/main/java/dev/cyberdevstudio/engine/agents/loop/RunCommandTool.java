package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** run_command: a shell command in the project, in the process sandbox (no network, the project the only writable place). */
final class RunCommandTool implements AgentTool {

    @Override
    public String name() {
        return "run_command";
    }

    @Override
    public String description() {
        return "run a shell command in the project folder, isolated, without network; returns its exit and output";
    }

    @Override
    public ObjectNode argumentsSchema() {
        var properties = Schemas.properties();
        properties.set("command", Schemas.string("the command line, run with sh -c"));
        return Schemas.object(properties, "command");
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws InterruptedException {
        var command = arguments.path("command").asText("").strip();
        if (command.isEmpty()) {
            return ToolResult.error("run_command needs a command");
        }
        var ran = SandboxCommand.run(context, List.of("sh", "-c", command), command);
        var text = "$ " + command + "\n" + ran.output() + (ran.output().endsWith("\n") ? "" : "\n") + "[" + ran.outcome()
            + "]";
        return ran.succeeded() ? ToolResult.ok(text) : new ToolResult(false, text);
    }
}
