package dev.cyberdevstudio.engine.search;

import java.util.regex.Pattern;

/**
 * Turns one glob into a regular expression over '/'-separated relative paths: {@code *} and {@code ?} stay inside a
 * segment, {@code **} crosses segments ({@code **}{@code /} also matches no folder at all), {@code [abc]},
 * {@code [!a-z]} and {@code {java,kt}} work as in shells.
 */
final class Glob {

    private Glob() {
    }

    /**
     * The regular expression for {@code glob}, matching the whole of a relative path.
     *
     * @throws IllegalArgumentException with a message for people when a bracket or brace is not closed
     */
    static Pattern compile(String glob) {
        return Pattern.compile(toRegex(glob));
    }

    static String toRegex(String glob) {
        var regex = new StringBuilder(glob.length() * 2);
        var braces = 0;
        var i = 0;
        while (i < glob.length()) {
            var c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                        var atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                        var slashFollows = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                        if (atSegmentStart && slashFollows) {
                            regex.append("(?:.*/)?");
                            i += 3;
                        } else {
                            regex.append(".*");
                            i += 2;
                        }
                        continue;
                    }
                    regex.append("[^/]*");
                }
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    var end = classEnd(glob, i);
                    if (end < 0) {
                        throw new IllegalArgumentException("'[' is not closed in " + glob);
                    }
                    regex.append(characterClass(glob.substring(i + 1, end)));
                    i = end;
                }
                case '{' -> {
                    braces++;
                    regex.append("(?:");
                }
                case '}' -> {
                    if (braces == 0) {
                        regex.append("\\}");
                    } else {
                        braces--;
                        regex.append(')');
                    }
                }
                case ',' -> regex.append(braces > 0 ? "|" : ",");
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        i++;
                        regex.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                    } else {
                        regex.append("\\\\");
                    }
                }
                default -> {
                    if (!Character.isLetterOrDigit(c) && c != '/') {
                        regex.append('\\');
                    }
                    regex.append(c);
                }
            }
            i++;
        }
        if (braces > 0) {
            throw new IllegalArgumentException("'{' is not closed in " + glob);
        }
        return regex.toString();
    }

    private static int classEnd(String glob, int open) {
        var i = open + 1;
        if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
            i++;
        }
        if (i < glob.length() && glob.charAt(i) == ']') {
            i++;
        }
        return glob.indexOf(']', i);
    }

    private static String characterClass(String body) {
        var out = new StringBuilder("[");
        var i = 0;
        if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
            out.append('^');
            i = 1;
        }
        for (; i < body.length(); i++) {
            var c = body.charAt(i);
            if (c == '-' && i > 0 && i < body.length() - 1) {
                out.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('\\').append(c);
            }
        }
        return out.append(']').toString();
    }
}
