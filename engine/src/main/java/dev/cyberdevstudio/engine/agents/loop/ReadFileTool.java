package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** read_file: a file's lines, numbered, as the agent's own edits left them. */
final class ReadFileTool implements AgentTool {

    static final int MAX_LINES = 400;

    @Override
    public String name() {
        return "read_file";
    }

    @Override
    public String description() {
        return "read a file of the project; optional first_line/last_line (1-based) read part of a long file";
    }

    @Override
    public ObjectNode argumentsSchema() {
        var properties = Schemas.properties();
        properties.set("path", Schemas.string("path relative to the project"));
        properties.set("first_line", Schemas.integer("first line to read, from 1"));
        properties.set("last_line", Schemas.integer("last line to read"));
        return Schemas.object(properties, "path");
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) {
        var path = arguments.path("path").asText("");
        if (path.isBlank()) {
            return ToolResult.error("read_file needs a path");
        }
        var text = ProjectPaths.current(context, path);
        if (text.isEmpty()) {
            return ToolResult.error("there is no file " + path + " in the project; list_files shows what there is");
        }
        var lines = text.get().lines().toList();
        int first = Math.max(1, arguments.path("first_line").asInt(1));
        int last = Math.min(lines.size(), arguments.path("last_line").asInt(first + MAX_LINES - 1));
        last = Math.min(last, first + MAX_LINES - 1);
        if (lines.isEmpty()) {
            return ToolResult.ok(path + " is empty");
        }
        if (first > lines.size()) {
            return ToolResult.error(path + " has " + lines.size() + " lines; line " + first + " is past its end");
        }
        var out = new StringBuilder(path).append(" (lines ").append(first).append('-').append(last).append(" of ")
            .append(lines.size()).append(")\n");
        for (int i = first; i <= last; i++) {
            out.append(i).append(": ").append(lines.get(i - 1)).append('\n');
        }
        if (last < lines.size()) {
            out.append("… ").append(lines.size() - last).append(" more lines: read them with first_line=")
                .append(last + 1).append('\n');
        }
        return ToolResult.ok(out.toString());
    }
}
