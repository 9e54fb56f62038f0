package dev.cyberdevstudio.engine.search;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What someone typed into quick open, split into the file pattern and an optional {@code :line} or
 * {@code :line:column} suffix: {@code "MainWin:42"} looks for {@code MainWin} and asks for line 42.
 * Spaces are dropped (so {@code "main window"} finds {@code MainWindow.java}) and backslashes become slashes.
 *
 * @param pattern the fuzzy pattern, possibly empty
 * @param line    the 1-based line asked for, if any
 * @param column  the 1-based column asked for, if any (only with a line)
 */
public record QuickOpenQuery(String pattern, OptionalInt line, OptionalInt column) {

    private static final Pattern POSITION = Pattern.compile("^(.*?):(\\d{1,9})(?::(\\d{1,9}))?:?$");

    public static QuickOpenQuery parse(String typed) {
        var text = typed.strip();
        var line = OptionalInt.empty();
        var column = OptionalInt.empty();
        var position = POSITION.matcher(text);
        if (position.matches()) {
            text = position.group(1);
            line = OptionalInt.of(Math.max(1, Integer.parseInt(position.group(2))));
            if (position.group(3) != null) {
                column = OptionalInt.of(Math.max(1, Integer.parseInt(position.group(3))));
            }
        }
        var pattern = new StringBuilder(text.length());
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                pattern.append(c == '\\' ? '/' : c);
            }
        }
        return new QuickOpenQuery(pattern.toString(), line, column);
    }
}
