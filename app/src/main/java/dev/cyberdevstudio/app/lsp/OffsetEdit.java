package dev.cyberdevstudio.app.lsp;

/** Replace the characters from {@code start} up to, not including, {@code end} with {@code text}. */
record OffsetEdit(int start, int end, String text) {

    OffsetEdit {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a range of the text: " + start + ".." + end);
        }
    }

    int delta() {
        return text.length() - (end - start);
    }
}
