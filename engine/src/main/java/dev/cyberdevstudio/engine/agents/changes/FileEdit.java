package dev.cyberdevstudio.engine.agents.changes;

import dev.cyberdevstudio.engine.diff.DiffHunk;
import dev.cyberdevstudio.engine.diff.TextDiff;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent proposes for one file, against the version it read.
 *
 * @param file     relative to the project
 * @param base     the file's text when the agent read it; empty for a file the agent creates
 * @param proposed the text the agent wants; empty to delete the file
 */
public record FileEdit(Path file, Optional<String> base, Optional<String> proposed) {

    public FileEdit {
        Objects.requireNonNull(file, "file");
        if (file.isAbsolute() || file.normalize().startsWith("..")) {
            throw new IllegalArgumentException("An edit names a file inside the project, not " + file);
        }
        if (base.isEmpty() && proposed.isEmpty()) {
            throw new IllegalArgumentException("An edit of " + file + " neither reads nor writes it");
        }
    }

    public static FileEdit modify(Path file, String base, String proposed) {
        return new FileEdit(file, Optional.of(base), Optional.of(proposed));
    }

    public static FileEdit create(Path file, String text) {
        return new FileEdit(file, Optional.empty(), Optional.of(text));
    }

    public static FileEdit delete(Path file, String base) {
        return new FileEdit(file, Optional.of(base), Optional.empty());
    }

    public TextDiff diff() {
        return TextDiff.compare(base.orElse(""), proposed.orElse(""));
    }

    public List<DiffHunk> hunks() {
        return diff().hunks();
    }
}
