package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.util.Arrays;

/**
 * Where each line of a text starts, to turn language servers' line/column positions into string offsets and back.
 * Positions past the end of a line or of the text are clamped: servers answer about text that may have moved on.
 */
final class LineIndex {

    private final int length;
    private final int[] starts;

    private LineIndex(int length, int[] starts) {
        this.length = length;
        this.starts = starts;
    }

    static LineIndex of(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(text.length(), Arrays.copyOf(starts, count));
    }

    int lineCount() {
        return starts.length;
    }

    /** The offset of {@code position}, clamped to its line and to the text. */
    int offset(TextPosition position) {
        if (position.line() >= starts.length) {
            return length;
        }
        int start = starts[position.line()];
        int end = position.line() + 1 < starts.length ? starts[position.line() + 1] - 1 : length;
        return start + Math.min(position.character(), end - start);
    }

    TextPosition position(int offset) {
        int clamped = Math.clamp(offset, 0, length);
        int found = Arrays.binarySearch(starts, clamped);
        int line = found >= 0 ? found : -found - 2;
        return new TextPosition(line, clamped - starts[line]);
    }
}
