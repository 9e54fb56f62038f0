package dev.cyberdevstudio.engine.lsp;

/** Replace {@code span} with {@code newText} (an insert when the span is empty). */
public record TextEdit(TextSpan span, String newText) {
}
