package dev.cyberdevstudio.engine.syntax;

/**
 * A place in a text by line and column, both zero-based, the column in Java chars from the line's start (what
 * language servers call a UTF-16 character offset).
 */
public record TextPoint(int line, int column) implements Comparable<TextPoint> {

    public TextPoint {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("A point cannot be negative: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(TextPoint other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }
}
