package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cyberdevstudio.sandbox.fs.FsEntry;
import java.util.Set;

/** list_files: the files and folders under a folder of the project, a few levels deep. */
final class ListFilesTool implements AgentTool {

    static final int MAX_ENTRIES = 300;
    static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target", "build", "dist", "__pycache__",
        ".venv", "venv", ".idea", ".gradle", ".cyberdevstudio");

    @Override
    public String name() {
        return "list_files";
    }

    @Override
    public String description() {
        return "list the files under a folder of the project (path \".\" for the root), depth 1 to 4";
    }

    @Override
    public ObjectNode argumentsSchema() {
        var properties = Schemas.properties();
        properties.set("path", Schemas.string("folder relative to the project, \".\" for the root"));
        properties.set("depth", Schemas.integer("how many levels, 1 to 4"));
        return Schemas.object(properties, "path");
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) {
        var path = ProjectPaths.normal(arguments.path("path").asText("."));
        int depth = Math.clamp(arguments.path("depth").asInt(2), 1, 4);
        var out = new StringBuilder();
        int[] count = {0};
        list(context, path, depth, 0, out, count);
        if (count[0] == 0) {
            return ToolResult.ok(path + " is empty");
        }
        if (count[0] >= MAX_ENTRIES) {
            out.append("… more entries not shown: list a subfolder\n");
        }
        return ToolResult.ok(out.toString());
    }

    private static void list(ToolContext context, String folder, int depth, int level, StringBuilder out,
                             int[] count) {
        for (FsEntry entry : context.files().list(folder)) {
            var child = entry.path();
            var name = child.substring(child.lastIndexOf('/') + 1);
            if (count[0] >= MAX_ENTRIES || SKIPPED.contains(name)) {
                continue;
            }
            boolean folderEntry = entry.kind() == FsEntry.Kind.FOLDER;
            count[0]++;
            out.append("  ".repeat(level)).append(child).append(folderEntry ? "/" : "").append('\n');
            if (folderEntry && level + 1 < depth) {
                list(context, child, depth, level + 1, out, count);
            }
        }
    }
}
