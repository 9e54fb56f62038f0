package dev.cyberdevstudio.app.editor.editing;

import java.util.Objects;

/**
 * Replaces the chars {@code [start, end)} of a text with {@code text}; an insertion when the range is empty.
 *
 * @param start offset of the first replaced char
 * @param end   offset just past the last replaced char
 * @param text  what goes in their place
 */
public record Edit(int start, int end, String text) {

    public Edit {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("An edit needs 0 <= start <= end, got " + start + ".." + end);
        }
    }

    public static Edit insert(int offset, String text) {
        return new Edit(offset, offset, text);
    }

    public static Edit delete(int start, int end) {
        return new Edit(start, end, "");
    }

    /** How much longer the text gets. */
    public int netLength() {
        return text.length() - (end - start);
    }
}
