package dev.cyberdevstudio.engine.diff;

import java.util.List;

/**
 * One row of an inline (unified) view: an unchanged line, a removed old line or an added new line. Changed lines
 * show as their old lines ({@link RowKind#DELETED}) followed by their new ones ({@link RowKind#ADDED}).
 *
 * @param oldLine   old line number from 0, or -1 for an added line
 * @param newLine   new line number from 0, or -1 for a removed line
 * @param hunkIndex the hunk this row belongs to, or -1 for an unchanged row
 * @param changes   the characters that changed inside the line, when it was paired with a line of the other side
 */
public record InlineRow(int oldLine, int newLine, String text, RowKind kind, int hunkIndex, List<CharRange> changes) {

    public InlineRow {
        changes = List.copyOf(changes);
    }
}
