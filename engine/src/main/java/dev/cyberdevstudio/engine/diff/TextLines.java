package dev.cyberdevstudio.engine.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines the way git counts them: each line keeps the separator that ended it, and only the last line
 * may have none. {@code "a\nb\n"} is two lines, {@code "a\nb"} is two lines of which the second is unterminated, and
 * {@code ""} is no line at all. Joining the lines gives the text back exactly.
 */
final class TextLines {

    /**
     * One line: its characters and the separator that ended it ("" for an unterminated last line). Diffs compare
     * lines by {@link #sameAs}: the text and whether a separator follows, not which one, so that a file that only
     * moved between {@code \r\n} and {@code \n} shows no change.
     */
    record Line(String text, String separator) {

        boolean terminated() {
            return !separator.isEmpty();
        }

        boolean sameAs(Line other) {
            return text.equals(other.text) && terminated() == other.terminated();
        }
    }

    private TextLines() {
    }

    static List<Line> split(String text) {
        var lines = new ArrayList<Line>();
        int start = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                int end = i;
                i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                lines.add(new Line(text.substring(start, end), text.substring(end, i)));
                start = i;
            } else {
                i++;
            }
        }
        if (start < length) {
            lines.add(new Line(text.substring(start), ""));
        }
        return lines;
    }

    /** The separator of the first line break; {@code \n} when the text has none. */
    static String separatorOf(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return "\n";
            }
            if (c == '\r') {
                return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? "\r\n" : "\r";
            }
        }
        return "\n";
    }

    static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    static boolean endsUnterminated(List<Line> lines) {
        return !lines.isEmpty() && !lines.getLast().terminated();
    }

    /** Appends {@code texts} as lines ended by {@code separator}; the last one unterminated when asked. */
    static void appendLines(StringBuilder out, List<String> texts, String separator, boolean lastUnterminated) {
        for (int i = 0; i < texts.size(); i++) {
            out.append(texts.get(i));
            if (i < texts.size() - 1 || !lastUnterminated) {
                out.append(separator);
            }
        }
    }

    static void append(StringBuilder out, List<Line> lines) {
        for (var line : lines) {
            out.append(line.text()).append(line.separator());
        }
    }

    /** The offset where line {@code index} starts; the text's length for the line after the last. */
    static int offsetOf(List<Line> lines, int index) {
        int offset = 0;
        for (int i = 0; i < index && i < lines.size(); i++) {
            offset += lines.get(i).text().length() + lines.get(i).separator().length();
        }
        return offset;
    }
}
