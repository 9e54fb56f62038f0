package dev.cyberdevstudio.engine.diff;

import java.util.List;

/**
 * One row of a side-by-side view: an old line on the left, a new line on the right, aligned. A side with no line
 * (the other side's addition or deletion) is a filler: its line number is -1 and its text empty.
 *
 * @param leftLine     old line number from 0, or -1 for a filler
 * @param rightLine    new line number from 0, or -1 for a filler
 * @param hunkIndex    the hunk this row belongs to, or -1 for an unchanged row
 * @param leftChanges  for a {@link RowKind#CHANGED} row, the characters of the left line that changed
 * @param rightChanges for a {@link RowKind#CHANGED} row, the characters of the right line that changed
 */
public record SideBySideRow(int leftLine, String leftText, int rightLine, String rightText, RowKind kind,
                            int hunkIndex, List<CharRange> leftChanges, List<CharRange> rightChanges) {

    public SideBySideRow {
        leftChanges = List.copyOf(leftChanges);
        rightChanges = List.copyOf(rightChanges);
    }

    public boolean hasLeft() {
        return leftLine >= 0;
    }

    public boolean hasRight() {
        return rightLine >= 0;
    }
}
