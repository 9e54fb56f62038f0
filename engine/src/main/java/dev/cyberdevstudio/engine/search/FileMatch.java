package dev.cyberdevstudio.engine.search;

import java.util.Arrays;
import java.util.Objects;

/**
 * One file found by quick open.
 *
 * @param path      the file, relative to the project folder, '/'-separated
 * @param score     how well it matches; higher is better, comparable only within one query
 * @param positions the indexes in {@code path} of the characters the query matched, ascending (for highlighting)
 */
public record FileMatch(String path, int score, int[] positions) {

    public FileMatch {
        Objects.requireNonNull(path, "path");
        positions = positions.clone();
    }

    /** Where the file name starts in {@link #path()}. */
    public int nameStart() {
        return path.lastIndexOf('/') + 1;
    }

    /** The file name, without its folder. */
    public String name() {
        return path.substring(nameStart());
    }

    /** The folder, relative to the project ("" for a file at the top). */
    public String folder() {
        var start = nameStart();
        return start == 0 ? "" : path.substring(0, start - 1);
    }

    @Override
    public int[] positions() {
        return positions.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FileMatch match && match.score == score && match.path.equals(path)
                && Arrays.equals(match.positions, positions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, score, Arrays.hashCode(positions));
    }

    @Override
    public String toString() {
        return "FileMatch[" + path + ", score=" + score + ", positions=" + Arrays.toString(positions) + "]";
    }
}
