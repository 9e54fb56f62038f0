package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * propose_edit: replaces one exact piece of a file's text with another, or creates a file when old_text is empty
 * and the file does not exist. Nothing is written: the edit joins the change set the person reviews.
 */
final class ProposeEditTool implements AgentTool {

    @Override
    public String name() {
        return "propose_edit";
    }

    @Override
    public String description() {
        return "propose replacing old_text (copied exactly, unique in the file) with new_text in a file; an empty"
            + " old_text creates a new file; the user reviews every edit before it is applied";
    }

    @Override
    public ObjectNode argumentsSchema() {
        var properties = Schemas.properties();
        properties.set("path", Schemas.string("file relative to the project"));
        properties.set("old_text", Schemas.string("the exact text to replace; empty to create the file"));
        properties.set("new_text", Schemas.string("the text to put in its place"));
        return Schemas.object(properties, "path", "old_text", "new_text");
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) {
        var path = arguments.path("path").asText("");
        var oldText = arguments.path("old_text").asText("");
        var newText = arguments.path("new_text").asText("");
        if (path.isBlank()) {
            return ToolResult.error("propose_edit needs a path");
        }
        var file = ProjectPaths.relative(path);
        var current = ProjectPaths.current(context, path);
        if (current.isEmpty()) {
            if (!oldText.isEmpty()) {
                return ToolResult.error("there is no file " + path + "; to create it, give an empty old_text");
            }
            context.proposed().propose(file, Optional.empty(), Optional.of(newText));
            return ToolResult.ok("proposed creating " + path + " (" + newText.lines().count() + " lines)");
        }
        if (oldText.isEmpty()) {
            return ToolResult.error(path + " exists; give the exact old_text to replace");
        }
        var text = current.get();
        int at = text.indexOf(oldText);
        if (at < 0) {
            return ToolResult.error("old_text does not occur in " + path + "; read_file it and copy the text exactly");
        }
        if (text.indexOf(oldText, at + 1) >= 0) {
            return ToolResult.error("old_text occurs more than once in " + path + "; include more lines around it");
        }
        var edited = text.substring(0, at) + newText + text.substring(at + oldText.length());
        context.proposed().propose(file, current, Optional.of(edited));
        int line = (int) text.substring(0, at).lines().count() + (at == 0 ? 1 : 0);
        return ToolResult.ok("proposed an edit of " + path + " at line " + Math.max(1, line)
            + "; the user will review it");
    }
}
