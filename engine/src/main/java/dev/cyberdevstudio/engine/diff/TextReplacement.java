package dev.cyberdevstudio.engine.diff;

/** Replace characters {@code [start, end)} of a text with {@code text}: the smallest edit an editor can undo. */
public record TextReplacement(int start, int end, String text) {

    public TextReplacement {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad replacement range " + start + ".." + end);
        }
    }

    public String applyTo(String original) {
        return original.substring(0, start) + text + original.substring(end);
    }
}
