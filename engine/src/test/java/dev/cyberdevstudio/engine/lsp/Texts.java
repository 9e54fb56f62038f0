package dev.cyberdevstudio.engine.lsp;

import java.util.Comparator;
import java.util.List;

/** Positions in test sources found by their text, and edits applied to a text, as an editor would. */
final class Texts {

    private Texts() {
    }

    /** Where the first {@code needle} in {@code text} starts. */
    static TextPosition at(String text, String needle) {
        return position(text, indexOf(text, needle));
    }

    /** Just after the first {@code needle} in {@code text}. */
    static TextPosition after(String text, String needle) {
        return position(text, indexOf(text, needle) + needle.length());
    }

    /** The zero-based line of the first line holding {@code needle}. */
    static int lineOf(String text, String needle) {
        return at(text, needle).line();
    }

    static String apply(String text, List<TextEdit> edits) {
        var result = new StringBuilder(text);
        var lastFirst = edits.stream()
                .sorted(Comparator.comparing((TextEdit edit) -> edit.span().start()).reversed()).toList();
        for (var edit : lastFirst) {
            result.replace(offset(text, edit.span().start()), offset(text, edit.span().end()), edit.newText());
        }
        return result.toString();
    }

    private static int indexOf(String text, String needle) {
        var index = text.indexOf(needle);
        if (index < 0) {
            throw new IllegalArgumentException("\"" + needle + "\" is not in the text");
        }
        return index;
    }

    private static TextPosition position(String text, int offset) {
        var line = 0;
        var lineStart = 0;
        for (var index = 0; index < offset; index++) {
            if (text.charAt(index) == '\n') {
                line++;
                lineStart = index + 1;
            }
        }
        return new TextPosition(line, offset - lineStart);
    }

    private static int offset(String text, TextPosition position) {
        var offset = 0;
        for (var line = 0; line < position.line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.min(text.length(), offset + position.character());
    }
}
