package dev.cyberdevstudio.engine.agents.loop;

import dev.cyberdevstudio.sandbox.SandboxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Reading the project as the agent sees it: its own proposals over the files on disk. */
final class ProjectPaths {

    private ProjectPaths() {
    }

    static String normal(String path) {
        var trimmed = path.strip().replace('\\', '/');
        while (trimmed.startsWith("./")) {
            trimmed = trimmed.substring(2);
        }
        return trimmed.isEmpty() ? "." : trimmed;
    }

    static Path relative(String path) {
        try {
            return Path.of(normal(path));
        } catch (InvalidPathException bad) {
            throw new SandboxException("'" + path + "' is not a valid path: " + bad.getReason());
        }
    }

    /** The text the agent should see for {@code path}: its proposal, else the file; empty when neither exists. */
    static Optional<String> current(ToolContext context, String path) {
        var file = relative(path);
        var proposal = context.proposed().proposal(file);
        if (proposal.isPresent()) {
            return proposal.get();
        }
        var name = normal(path);
        var text = context.files().exists(name) ? Optional.of(context.files().readString(name))
            : Optional.<String>empty();
        context.proposed().read(file, text);
        return text;
    }
}
