package dev.cyberdevstudio.app.editor;

/** A selection in a document: {@code anchor} stays put, {@code caret} moves; equal when nothing is selected. */
public record TextSelection(int anchor, int caret) {

    public static TextSelection at(int offset) {
        return new TextSelection(offset, offset);
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
}
