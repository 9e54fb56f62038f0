package dev.cyberdevstudio.app.editor.editing;

/**
 * One level of indentation: a tab, or {@code width} spaces.
 *
 * <pre>{@code
 * IndentUnit.detect("class A {\n  int x;\n}\n")   // 2 spaces
 * IndentUnit.detect("x:\n\ty\n")                  // a tab
 * IndentUnit.detect("")                           // 4 spaces, the default
 * }</pre>
 *
 * @param tabs  whether a level is one tab
 * @param width columns per level (a tab counts as this many when lining up)
 */
public record IndentUnit(boolean tabs, int width) {

    public static final IndentUnit DEFAULT = spaces(4);
    /** Lines looked at when guessing; enough to judge, cheap on a huge file. */
    private static final int SAMPLE_LINES = 2000;

    public IndentUnit {
        if (width < 1 || width > 16) {
            throw new IllegalArgumentException("An indent is 1 to 16 columns wide, got " + width);
        }
    }

    public static IndentUnit spaces(int width) {
        return new IndentUnit(false, width);
    }

    public static IndentUnit tab(int width) {
        return new IndentUnit(true, width);
    }

    /** The text of one level. */
    public String text() {
        return tabs ? "\t" : " ".repeat(width);
    }

    /** How many columns {@code whitespace} spans (tabs go to the next multiple of the width). */
    public int columns(CharSequence whitespace) {
        int columns = 0;
        for (int i = 0; i < whitespace.length(); i++) {
            columns = whitespace.charAt(i) == '\t' ? (columns / width + 1) * width : columns + 1;
        }
        return columns;
    }

    /** Whitespace that spans {@code columns} columns in this unit's style. */
    public String whitespace(int columns) {
        if (!tabs) {
            return " ".repeat(Math.max(0, columns));
        }
        return "\t".repeat(columns / width) + " ".repeat(columns % width);
    }

    /**
     * Guesses the file's indentation: tabs when more indented lines start with a tab than with spaces, otherwise the
     * step in spaces seen most often between a line and the next more indented one (2 to 8); {@link #DEFAULT} when
     * the text says nothing.
     */
    public static IndentUnit detect(CharSequence text) {
        int tabLines = 0;
        int spaceLines = 0;
        var steps = new int[9];
        int previous = 0;
        int lineStart = 0;
        for (int line = 0; line < SAMPLE_LINES && lineStart <= text.length(); line++) {
            int end = lineEnd(text, lineStart);
            int spaces = 0;
            while (lineStart + spaces < end && text.charAt(lineStart + spaces) == ' ') {
                spaces++;
            }
            boolean blank = lineStart + spaces == end;
            if (lineStart < end && text.charAt(lineStart) == '\t') {
                tabLines++;
            } else if (!blank && !continuesBlockComment(text, lineStart + spaces, end)) {
                if (spaces > 0) {
                    spaceLines++;
                }
                int step = spaces - previous;
                if (step >= 2 && step <= 8) {
                    steps[step]++;
                }
                previous = spaces;
            }
            lineStart = end + 1;
        }
        if (tabLines > spaceLines) {
            return tab(DEFAULT.width);
        }
        int best = 0;
        for (int step = 2; step < steps.length; step++) {
            if (steps[step] > (best == 0 ? 0 : steps[best])) {
                best = step;
            }
        }
        return best == 0 ? DEFAULT : spaces(best);
    }

    // " * text" inside a Javadoc block is one space deeper than its code and says nothing about the indent.
    private static boolean continuesBlockComment(CharSequence text, int from, int end) {
        return from < end && text.charAt(from) == '*';
    }

    private static int lineEnd(CharSequence text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) != '\n') {
            at++;
        }
        return at;
    }
}
