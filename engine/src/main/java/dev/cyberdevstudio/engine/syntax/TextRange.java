package dev.cyberdevstudio.engine.syntax;

/**
 * A range of chars, {@code start} inclusive, {@code end} exclusive, in Java char offsets.
 *
 * @param start offset of the first char
 * @param end   offset just past the last char, not below {@code start}
 */
public record TextRange(int start, int end) {

    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("A range needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean isEmpty() {
        return start == end;
    }
}
