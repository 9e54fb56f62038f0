package dev.cyberdevstudio.app.editor.editing;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * What a typed char, Backspace and Delete do at one caret, VS Code style: an opening bracket or quote gets its
 * closer (when the caret is not right before a word), a selection is wrapped instead of replaced, a closer typed
 * in front of the same closer steps over it, a closing bracket typed on a line of only spaces lines up with its
 * opener's line, and Backspace between an empty pair takes both.
 */
public final class Typing {

    private static final String QUOTES = "\"'`";
    /** Auto-close only before these (or the end of the line): typing "(" in front of a word should not add ")". */
    private static final String CLOSE_BEFORE = ";:.,=}])> \t\n";

    private Typing() {
    }

    /**
     * {@code typed} at {@code caret}. With {@code autoClose} false the text just replaces the selection (still
     * stepping over nothing and lining nothing up).
     */
    public static CaretEdits.Change type(CharSequence text, CaretRange caret, String typed, boolean autoClose,
                                         IntPredicate isCode) {
        int start = caret.start();
        int end = caret.end();
        if (typed.length() != 1 || !autoClose) {
            return CaretEdits.Change.of(new Edit(start, end, typed), start + typed.length());
        }
        char c = typed.charAt(0);
        char closer = closerOf(c);
        if (!caret.isEmpty() && closer != 0) {
            var wrapped = List.of(Edit.insert(start, typed), Edit.insert(end, String.valueOf(closer)));
            var after = caret.anchor() <= caret.caret() ? new CaretRange(start + 1, end + 1)
                    : new CaretRange(end + 1, start + 1);
            return new CaretEdits.Change(wrapped, after);
        }
        char next = start < text.length() ? text.charAt(start) : '\n';
        if (caret.isEmpty() && (BracketMatcher.openerOf(c) != 0 || QUOTES.indexOf(c) >= 0) && next == c) {
            return CaretEdits.Change.none(CaretRange.at(start + 1));
        }
        if (caret.isEmpty() && BracketMatcher.openerOf(c) != 0) {
            var lined = lineUpCloser(text, start, c, isCode);
            if (lined != null) {
                return lined;
            }
        }
        if (caret.isEmpty() && closer != 0 && CLOSE_BEFORE.indexOf(next) >= 0
                && (QUOTES.indexOf(c) < 0 || quoteMayOpen(text, start))) {
            return CaretEdits.Change.of(Edit.insert(start, typed + closer), start + 1);
        }
        return CaretEdits.Change.of(new Edit(start, end, typed), start + 1);
    }

    /** Backspace: the selection, an empty pair around the caret, or the char before it. */
    public static CaretEdits.Change backspace(CharSequence text, CaretRange caret) {
        if (!caret.isEmpty()) {
            return CaretEdits.Change.of(Edit.delete(caret.start(), caret.end()), caret.start());
        }
        int at = caret.caret();
        if (at == 0) {
            return CaretEdits.Change.none(caret);
        }
        char before = text.charAt(at - 1);
        if (at < text.length() && closerOf(before) != 0 && text.charAt(at) == closerOf(before)) {
            return CaretEdits.Change.of(Edit.delete(at - 1, at + 1), at - 1);
        }
        int from = at >= 2 && Character.isSurrogatePair(text.charAt(at - 2), before) ? at - 2 : at - 1;
        return CaretEdits.Change.of(Edit.delete(from, at), from);
    }

    /** Delete: the selection or the char after the caret. */
    public static CaretEdits.Change delete(CharSequence text, CaretRange caret) {
        if (!caret.isEmpty()) {
            return CaretEdits.Change.of(Edit.delete(caret.start(), caret.end()), caret.start());
        }
        int at = caret.caret();
        if (at >= text.length()) {
            return CaretEdits.Change.none(caret);
        }
        int to = at + 1 < text.length() && Character.isSurrogatePair(text.charAt(at), text.charAt(at + 1))
                ? at + 2 : at + 1;
        return CaretEdits.Change.of(Edit.delete(at, to), at);
    }

    /** The char that closes {@code c} when typed: its bracket partner or the same quote; 0 for other chars. */
    static char closerOf(char c) {
        return QUOTES.indexOf(c) >= 0 ? c : BracketMatcher.closerOf(c);
    }

    // A quote right after a word char is an apostrophe (don't) or ends a string: no pair then.
    private static boolean quoteMayOpen(CharSequence text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        return !Character.isLetterOrDigit(before) && before != '_' && QUOTES.indexOf(before) < 0;
    }

    // "}" typed on a line that is blank up to the caret: the line takes the indent of the line of its opener.
    private static CaretEdits.Change lineUpCloser(CharSequence text, int at, char closer, IntPredicate isCode) {
        int lineStart = Lines.start(text, at);
        for (int i = lineStart; i < at; i++) {
            if (text.charAt(i) != ' ' && text.charAt(i) != '\t') {
                return null;
            }
        }
        if (lineStart == at) {
            return null;
        }
        var opener = openerBefore(text, at, closer, isCode);
        if (opener < 0) {
            return null;
        }
        var indent = Lines.indent(text, Lines.start(text, opener));
        return CaretEdits.Change.of(new Edit(lineStart, at, indent + closer), lineStart + indent.length() + 1);
    }

    // The unclosed opener of closer's kind before offset, or -1.
    private static int openerBefore(CharSequence text, int offset, char closer, IntPredicate isCode) {
        char opener = BracketMatcher.openerOf(closer);
        int depth = 0;
        int stop = Math.max(0, offset - BracketMatcher.SCAN_LIMIT);
        for (int at = offset - 1; at >= stop; at--) {
            char c = text.charAt(at);
            if ((c == closer || c == opener) && isCode.test(at)) {
                if (c == closer) {
                    depth++;
                } else if (depth == 0) {
                    return at;
                } else {
                    depth--;
                }
            }
        }
        return -1;
    }
}
