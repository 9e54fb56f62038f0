package dev.cyberdevstudio.engine.diff;

/** Characters {@code [start, end)} of one line: a word or run of characters that changed inside a changed line. */
public record CharRange(int start, int end) {

    public CharRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad character range " + start + ".." + end);
        }
    }
}
