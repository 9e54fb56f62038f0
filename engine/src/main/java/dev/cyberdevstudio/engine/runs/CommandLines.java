package dev.cyberdevstudio.engine.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns the command line the user typed into a program and its arguments, and back into one line to show. */
final class CommandLines {

    /** Characters that only a shell understands: with any of them outside quotes, the line goes to {@code sh -c}. */
    private static final String SHELL_SYNTAX = "|&;<>()$`*?[]{}~!#\n";

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private CommandLines() {
    }

    /**
     * The command for {@code line}: its words when it is a plain command, else {@code /bin/sh -c line}.
     *
     * @throws IllegalArgumentException when the line is blank or a quote is not closed
     */
    static List<String> toCommand(String line) {
        var split = split(line);
        return split.needsShell() ? List.of("/bin/sh", "-c", line.strip()) : split.words();
    }

    /**
     * The words of {@code line} after quotes and escapes, shell syntax taken as text.
     *
     * @throws IllegalArgumentException when the line is blank or a quote is not closed
     */
    static List<String> words(String line) {
        return split(line).words();
    }

    private record Split(List<String> words, boolean needsShell) {
    }

    private static Split split(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("Type a command to run.");
        }
        var words = new ArrayList<String>();
        var word = new StringBuilder();
        boolean inWord = false;
        boolean needsShell = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && escapedInDoubleQuotes(line, i + 1)) {
                    word.append(line.charAt(++i));
                } else {
                    needsShell |= quote == '"' && (c == '$' || c == '`');
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                needsShell |= SHELL_SYNTAX.indexOf(c) >= 0;
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            var kind = quote == '"' ? "double" : "single";
            throw new IllegalArgumentException("The command line has an unclosed " + kind + " quote.");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return new Split(List.copyOf(words), needsShell || words.getFirst().contains("="));
    }

    private static boolean escapedInDoubleQuotes(String line, int index) {
        return index < line.length() && "\"\\$`".indexOf(line.charAt(index)) >= 0;
    }

    /** {@code command} as one line a shell would read back into the same words. */
    static String join(List<String> command) {
        var line = new StringBuilder();
        for (var word : command) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }
}
