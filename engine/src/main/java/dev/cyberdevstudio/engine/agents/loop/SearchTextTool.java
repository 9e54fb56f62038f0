package dev.cyberdevstudio.engine.agents.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** search_text: lines of the project's text files that contain a string or match a regular expression. */
final class SearchTextTool implements AgentTool {

    static final int MAX_MATCHES = 100;
    static final long MAX_FILE_BYTES = 1024 * 1024;

    @Override
    public String name() {
        return "search_text";
    }

    @Override
    public String description() {
        return "find lines containing text (or matching a Java regex when regex is true) in the project's files";
    }

    @Override
    public ObjectNode argumentsSchema() {
        var properties = Schemas.properties();
        properties.set("query", Schemas.string("the text to find"));
        properties.set("regex", Schemas.bool("whether query is a regular expression"));
        return Schemas.object(properties, "query");
    }

    @Override
    public ToolResult run(JsonNode arguments, ToolContext context) throws IOException {
        var query = arguments.path("query").asText("");
        if (query.isEmpty()) {
            return ToolResult.error("search_text needs a query");
        }
        Pattern pattern;
        try {
            pattern = arguments.path("regex").asBoolean(false) ? Pattern.compile(query)
                : Pattern.compile(Pattern.quote(query));
        } catch (PatternSyntaxException bad) {
            return ToolResult.error("the regex is not valid: " + bad.getDescription() + " at " + bad.getIndex());
        }
        var root = context.files().root();
        var out = new StringBuilder();
        int[] matches = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return !dir.equals(root) && ListFilesTool.SKIPPED.contains(dir.getFileName().toString())
                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!attributes.isRegularFile() || attributes.size() > MAX_FILE_BYTES
                    || context.cancelled().getAsBoolean()) {
                    return context.cancelled().getAsBoolean() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                        Files.readAllBytes(file))).toString();
                } catch (CharacterCodingException binary) {
                    return FileVisitResult.CONTINUE;
                }
                var lines = text.lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        if (++matches[0] > MAX_MATCHES) {
                            return FileVisitResult.TERMINATE;
                        }
                        out.append(root.relativize(file).toString().replace('\\', '/')).append(':').append(i + 1)
                            .append(": ").append(lines.get(i).strip()).append('\n');
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) {
                return FileVisitResult.CONTINUE;
            }
        });
        if (matches[0] == 0) {
            return ToolResult.ok("no line of the project matches " + query);
        }
        if (matches[0] > MAX_MATCHES) {
            out.append("… more than ").append(MAX_MATCHES).append(" matches: narrow the query\n");
        }
        return ToolResult.ok(out.toString());
    }
}
