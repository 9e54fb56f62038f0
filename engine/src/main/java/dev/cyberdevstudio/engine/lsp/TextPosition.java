package dev.cyberdevstudio.engine.lsp;

/**
 * A place in a text as language servers count it: zero-based line and zero-based column in UTF-16 code units,
 * which is what a Java {@code String} index within the line is.
 */
public record TextPosition(int line, int character) implements Comparable<TextPosition> {

    public TextPosition {
        if (line < 0 || character < 0) {
            throw new IllegalArgumentException("A position cannot be negative: " + line + ":" + character);
        }
    }

    @Override
    public int compareTo(TextPosition other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(character, other.character);
    }
}
