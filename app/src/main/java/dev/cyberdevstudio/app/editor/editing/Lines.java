package dev.cyberdevstudio.app.editor.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Line arithmetic on a text whose lines end with {@code \n}. */
final class Lines {

    private Lines() {
    }

    static int start(CharSequence text, int offset) {
        int at = Math.min(offset, text.length());
        while (at > 0 && text.charAt(at - 1) != '\n') {
            at--;
        }
        return at;
    }

    static int end(CharSequence text, int offset) {
        int at = offset;
        while (at < text.length() && text.charAt(at) != '\n') {
            at++;
        }
        return at;
    }

    /** Offset of the first char after the spaces and tabs that start the line at {@code lineStart}. */
    static int indentEnd(CharSequence text, int lineStart) {
        int at = lineStart;
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }

    static boolean isBlank(CharSequence text, int lineStart) {
        return indentEnd(text, lineStart) == end(text, lineStart);
    }

    static String indent(CharSequence text, int lineStart) {
        return text.subSequence(lineStart, indentEnd(text, lineStart)).toString();
    }

    /**
     * The starts of the lines the carets touch, in order and each once. A selection that ends at the very start of
     * a line does not take that line (selecting two whole lines by dragging down ends there).
     */
    static List<Integer> touched(CharSequence text, List<CaretRange> carets) {
        var starts = new TreeSet<Integer>();
        for (var caret : carets) {
            int first = start(text, caret.start());
            int last = start(text, caret.end());
            if (!caret.isEmpty() && last == caret.end() && last > first) {
                last = start(text, last - 1);
            }
            for (int line = first; line <= last; line = end(text, line) + 1) {
                starts.add(line);
            }
        }
        return new ArrayList<>(starts);
    }
}
