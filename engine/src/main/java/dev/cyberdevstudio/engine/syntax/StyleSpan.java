package dev.cyberdevstudio.engine.syntax;

import java.util.List;
import java.util.Objects;

/**
 * A run of text that carries one style class. Offsets count Java chars (UTF-16 code units), the same unit as
 * {@link String#length()} and a text control's positions. {@link SyntaxDocument#spans(int, int)} returns them
 * sorted and non-overlapping; text between two spans carries no style.
 *
 * @param start      offset of the first char
 * @param length     number of chars, at least one
 * @param styleClass one of {@link #STYLE_CLASSES}
 */
public record StyleSpan(int start, int length, String styleClass) {

    /** Every style class a span may carry; themes give each of them a colour. */
    public static final List<String> STYLE_CLASSES = List.of(
            "keyword", "string", "comment", "number", "type", "function", "constant", "operator", "punctuation",
            "property", "tag", "attribute", "heading", "link", "escape", "builtin", "variable");

    public StyleSpan {
        if (start < 0 || length < 1) {
            throw new IllegalArgumentException("A span needs start >= 0 and length >= 1, got " + start + "+" + length);
        }
        Objects.requireNonNull(styleClass, "styleClass");
    }

    /** Offset just past the last char. */
    public int end() {
        return start + length;
    }
}
