package dev.cyberdevstudio.engine.search;

/**
 * Where one match lies in the line text of a {@link TextMatch}: from {@code start} (inclusive) to {@code end}
 * (exclusive), in chars.
 */
public record MatchRange(int start, int end) {

    public MatchRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Not a range: " + start + ".." + end);
        }
    }
}
