package dev.cyberdevstudio.engine.git;

import dev.cyberdevstudio.engine.diff.DiffHunk;
import dev.cyberdevstudio.engine.diff.TextDiff;
import java.util.List;

/**
 * A change of the working text against HEAD, in the working text's lines (from 0), for markers in an editor's
 * gutter: lines {@code [line, line + count)} were added or modified, or, for {@link Kind#DELETED}, lines were removed
 * between line {@code line - 1} and line {@code line} ({@code count} is 0; {@code line} may be the line count when
 * they were removed at the end). {@code hunk} is the change itself, with the old lines, for showing and reverting.
 */
public record LineChange(Kind kind, int line, int count, DiffHunk hunk) {

    public enum Kind {
        ADDED,
        MODIFIED,
        DELETED
    }

    /** The changes of a diff whose old side is HEAD and whose new side is the working text. */
    public static List<LineChange> of(TextDiff diff) {
        return diff.hunks().stream().map(LineChange::of).toList();
    }

    static LineChange of(DiffHunk hunk) {
        var kind = switch (hunk.kind()) {
            case ADDED -> Kind.ADDED;
            case DELETED -> Kind.DELETED;
            case CHANGED -> Kind.MODIFIED;
        };
        return new LineChange(kind, hunk.newStart(), hunk.newCount(), hunk);
    }

    /** True when the change marks {@code line}: one of its lines, or for a deletion the line under the mark. */
    public boolean touches(int line) {
        return kind == Kind.DELETED ? line == this.line || line == this.line - 1
                : line >= this.line && line < this.line + count;
    }
}
