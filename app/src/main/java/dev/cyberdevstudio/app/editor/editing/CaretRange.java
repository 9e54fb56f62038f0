package dev.cyberdevstudio.app.editor.editing;

/**
 * One caret and its selection as offsets: the selection runs from {@code anchor} to {@code caret}, either way round,
 * and is empty when they are equal.
 */
public record CaretRange(int anchor, int caret) {

    public CaretRange {
        if (anchor < 0 || caret < 0) {
            throw new IllegalArgumentException("Offsets cannot be negative, got " + anchor + ", " + caret);
        }
    }

    /** A caret with nothing selected. */
    public static CaretRange at(int offset) {
        return new CaretRange(offset, offset);
    }

    public int start() {
        return Math.min(anchor, caret);
    }

    public int end() {
        return Math.max(anchor, caret);
    }

    public boolean isEmpty() {
        return anchor == caret;
    }

    /** Whether the two share a char, or are the same caret. */
    public boolean overlaps(CaretRange other) {
        if (isEmpty() && other.isEmpty()) {
            return caret == other.caret;
        }
        if (isEmpty()) {
            return other.start() < caret && caret < other.end();
        }
        if (other.isEmpty()) {
            return start() < other.caret && other.caret < end();
        }
        return start() < other.end() && other.start() < end();
    }
}
