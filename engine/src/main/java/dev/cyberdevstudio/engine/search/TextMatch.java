package dev.cyberdevstudio.engine.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One line of a file that holds matches of a search in files.
 *
 * @param file         the file, absolute
 * @param relativePath the file relative to the project, '/'-separated, for showing
 * @param line         the 1-based line number
 * @param column       the 1-based column (in chars) of the first match on the line
 * @param lineText     the line, without its line break; for a very long line, the part around the first match
 * @param ranges       where the matches lie in {@code lineText}, in order
 */
public record TextMatch(Path file, String relativePath, int line, int column, String lineText,
                        List<MatchRange> ranges) {

    public TextMatch {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(lineText, "lineText");
        ranges = List.copyOf(ranges);
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("Lines and columns start at 1: " + line + ":" + column);
        }
    }
}
