package dev.cyberdevstudio.app.search;

import dev.cyberdevstudio.engine.search.TextMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The matching lines of one file, as the search pane groups them.
 *
 * @param file         the file, absolute
 * @param relativePath the file relative to the project
 * @param lines        its matching lines, in order
 */
public record FileResults(Path file, String relativePath, List<TextMatch> lines) {

    public FileResults {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(relativePath, "relativePath");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A file in the results has at least one matching line");
        }
    }

    static FileResults of(List<TextMatch> lines) {
        var first = lines.getFirst();
        return new FileResults(first.file(), first.relativePath(), lines);
    }

    /** How many matches its lines hold. */
    public int matchCount() {
        return lines.stream().mapToInt(line -> Math.max(1, line.ranges().size())).sum();
    }

    public String name() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    public String folder() {
        var slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
