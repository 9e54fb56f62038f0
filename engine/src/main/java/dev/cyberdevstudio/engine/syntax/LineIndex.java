package dev.cyberdevstudio.engine.syntax;

import java.util.Arrays;

/**
 * The start offset of every line of a text, kept current through edits: tree-sitter wants a row and column with
 * each edit, and counting newlines from the top of a 100k-line file on every keystroke would cost more than the
 * re-parse itself. Lines end at {@code '\n'}, as tree-sitter counts them.
 */
final class LineIndex {

    private int[] starts;
    private int count;

    LineIndex(CharSequence text) {
        starts = new int[Math.max(16, text.length() / 32)];
        starts[0] = 0;
        count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                append(i + 1);
            }
        }
    }

    int lineCount() {
        return count;
    }

    int lineStart(int line) {
        return starts[line];
    }

    /** The line holding {@code offset}; an offset just past a newline belongs to the next line. */
    int lineOf(int offset) {
        return firstStartAfter(offset) - 1;
    }

    /** Mirrors replacing {@code removedLength} chars at {@code start} by {@code inserted}. */
    void edit(int start, int removedLength, CharSequence inserted) {
        var removedEnd = start + removedLength;
        // A line start s lies inside the removed text when the newline before it, at s - 1, was removed.
        var first = firstStartAfter(start);
        var last = firstStartAfter(removedEnd);
        var added = 0;
        for (int i = 0; i < inserted.length(); i++) {
            if (inserted.charAt(i) == '\n') {
                added++;
            }
        }
        var delta = inserted.length() - removedLength;
        var newCount = count - (last - first) + added;
        if (newCount > starts.length) {
            starts = Arrays.copyOf(starts, Math.max(newCount, starts.length * 2));
        }
        System.arraycopy(starts, last, starts, first + added, count - last);
        for (int i = first + added; i < newCount; i++) {
            starts[i] += delta;
        }
        var next = first;
        for (int i = 0; i < inserted.length(); i++) {
            if (inserted.charAt(i) == '\n') {
                starts[next++] = start + i + 1;
            }
        }
        count = newCount;
    }

    private void append(int start) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = start;
    }

    /** Index of the first line whose start is greater than {@code offset}. */
    private int firstStartAfter(int offset) {
        int low = 0;
        int high = count;
        while (low < high) {
            var mid = (low + high) >>> 1;
            if (starts[mid] <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
