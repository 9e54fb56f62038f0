package dev.cyberdevstudio.engine.diff;

/** What one row of a diff view shows. */
public enum RowKind {
    /** The same line on both sides. */
    EQUAL,
    /** A line only the new text has. */
    ADDED,
    /** A line only the old text has. */
    DELETED,
    /** An old line beside the new line that replaced it. */
    CHANGED
}
