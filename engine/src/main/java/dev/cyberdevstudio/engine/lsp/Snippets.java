package dev.cyberdevstudio.engine.lsp;

import java.util.function.IntPredicate;

/**
 * Turns an LSP snippet ({@code greet(${1:name}, $2)$0}) into the plain text it stands for ({@code greet(name, )}):
 * placeholders keep their default text, a choice its first option, tab stops and variables become nothing, and
 * escaped characters lose their backslash. The editor inserts plain text; it has no tab-stop navigation.
 */
final class Snippets {

    private final String snippet;
    private int at;

    private Snippets(String snippet) {
        this.snippet = snippet;
    }

    static String toPlainText(String snippet) {
        var parser = new Snippets(snippet);
        return parser.text(false);
    }

    /** Text up to the end, or up to the {@code '}'} that closes the placeholder being read when {@code nested}. */
    private String text(boolean nested) {
        var out = new StringBuilder();
        while (at < snippet.length()) {
            var character = snippet.charAt(at);
            if (character == '\\' && at + 1 < snippet.length() && "$}\\".indexOf(snippet.charAt(at + 1)) >= 0) {
                out.append(snippet.charAt(at + 1));
                at += 2;
            } else if (character == '}' && nested) {
                return out.toString();
            } else if (character == '$') {
                out.append(dollar());
            } else {
                out.append(character);
                at++;
            }
        }
        return out.toString();
    }

    /** What a {@code $} at {@link #at} stands for; a lone {@code $} is kept as it is. */
    private String dollar() {
        var start = at;
        at++;
        if (at < snippet.length() && Character.isDigit(snippet.charAt(at))) {
            skipWhile(Character::isDigit);
            return "";
        }
        if (at < snippet.length() && isNameStart(snippet.charAt(at))) {
            skipWhile(Snippets::isNamePart);
            return "";
        }
        if (at < snippet.length() && snippet.charAt(at) == '{') {
            at++;
            var name = snippet.substring(at, skipWhile(Snippets::isNamePart));
            if (!name.isEmpty() && at < snippet.length()) {
                var kind = snippet.charAt(at);
                if (kind == '}') {
                    at++;
                    return "";
                }
                if (kind == ':') {
                    at++;
                    var inner = text(true);
                    return closed() ? inner : literalFrom(start);
                }
                if (kind == '|') {
                    at++;
                    return choice(start);
                }
                if (kind == '/') {
                    // A variable transform (${TM_FILENAME/(.*)/$1/}): there is no variable to transform.
                    var end = snippet.indexOf('}', at);
                    if (end >= 0) {
                        at = end + 1;
                        return "";
                    }
                }
            }
            return literalFrom(start);
        }
        return "$";
    }

    private String choice(int start) {
        var first = new StringBuilder();
        var inFirst = true;
        while (at < snippet.length()) {
            var character = snippet.charAt(at);
            if (character == '\\' && at + 1 < snippet.length()) {
                if (inFirst) {
                    first.append(snippet.charAt(at + 1));
                }
                at += 2;
            } else if (character == '|' && at + 1 < snippet.length() && snippet.charAt(at + 1) == '}') {
                at += 2;
                return first.toString();
            } else {
                if (character == ',') {
                    inFirst = false;
                } else if (inFirst) {
                    first.append(character);
                }
                at++;
            }
        }
        return literalFrom(start);
    }

    private boolean closed() {
        if (at < snippet.length() && snippet.charAt(at) == '}') {
            at++;
            return true;
        }
        return false;
    }

    /** Gives up on a malformed construct: the rest is kept as it is written. */
    private String literalFrom(int start) {
        at = snippet.length();
        return snippet.substring(start);
    }

    private int skipWhile(IntPredicate test) {
        while (at < snippet.length() && test.test(snippet.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isNameStart(int character) {
        return character == '_' || character < 0x80 && Character.isLetter(character);
    }

    private static boolean isNamePart(int character) {
        return isNameStart(character) || character < 0x80 && Character.isDigit(character);
    }
}
