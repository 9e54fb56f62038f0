package dev.cyberdevstudio.engine.diff;

import java.util.List;
import java.util.Objects;

/**
 * One change between two texts: lines {@code [oldStart, oldStart + oldCount)} of the old text became lines
 * {@code [newStart, newStart + newCount)} of the new one. Lines are counted from 0 as git counts them (a last line
 * without separator is a line; the empty text has none), and hold their characters without separators.
 *
 * <p>An added hunk has no old lines and sits before old line {@code oldStart}; a deleted one has no new lines and
 * sits before new line {@code newStart}. {@code oldEndsWithoutNewline} / {@code newEndsWithoutNewline} say that the
 * hunk reaches the end of its text and that text's last line has no separator, so that applying the hunk keeps the
 * end of the file as it was.
 *
 * @param index the hunk's place in its diff, from 0; review decisions refer to hunks by it
 */
public record DiffHunk(int index, int oldStart, int oldCount, int newStart, int newCount,
                       List<String> oldLines, List<String> newLines, Kind kind,
                       boolean oldEndsWithoutNewline, boolean newEndsWithoutNewline) {

    /** What a hunk does to the old text. */
    public enum Kind {
        ADDED,
        DELETED,
        CHANGED
    }

    public DiffHunk {
        Objects.requireNonNull(kind, "kind");
        oldLines = List.copyOf(oldLines);
        newLines = List.copyOf(newLines);
        if (oldLines.size() != oldCount || newLines.size() != newCount) {
            throw new IllegalArgumentException("A hunk's line counts must match its lines");
        }
    }

    /** The old line after the hunk's old lines (exclusive end). */
    public int oldEnd() {
        return oldStart + oldCount;
    }

    /** The new line after the hunk's new lines (exclusive end). */
    public int newEnd() {
        return newStart + newCount;
    }

    /** "+2 −1" style counts of the lines this hunk adds and removes. */
    public String summary() {
        return "+" + newCount + " \u2212" + oldCount;
    }
}
