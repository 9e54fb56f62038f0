package dev.cyberdevstudio.app.editor.editing;

import java.util.ArrayList;
import java.util.List;

/**
 * Enter, Tab and Shift+Tab. Enter keeps the line's indent and adds a level after an opening bracket (or a line ending
 * in {@code :} where that opens a block); between a pair such as {@code {|}} the closer goes on a line of its own.
 * Tab and Shift+Tab move whole lines by one {@link IndentUnit} when a selection spans lines.
 *
 * <pre>{@code
 * AutoIndent.newline("  if (x) {}", CaretRange.at(10), IndentUnit.spaces(2), EditingLanguage.PLAIN)
 * // "  if (x) {\n    |\n  }"
 * }</pre>
 */
public final class AutoIndent {

    private AutoIndent() {
    }

    /** Enter at one caret. */
    public static CaretEdits.Change newline(CharSequence text, CaretRange caret, IndentUnit unit,
                                            EditingLanguage language) {
        int start = caret.start();
        int end = caret.end();
        int lineStart = Lines.start(text, start);
        int indentEnd = Math.min(Lines.indentEnd(text, lineStart), start);
        var indent = text.subSequence(lineStart, indentEnd).toString();
        int lastChar = start - 1;
        while (lastChar >= indentEnd && (text.charAt(lastChar) == ' ' || text.charAt(lastChar) == '\t')) {
            lastChar--;
        }
        char last = lastChar >= indentEnd ? text.charAt(lastChar) : 0;
        int lineEnd = Lines.end(text, end);
        int rest = end;
        while (rest < lineEnd && (text.charAt(rest) == ' ' || text.charAt(rest) == '\t')) {
            rest++;
        }
        char next = rest < lineEnd ? text.charAt(rest) : 0;
        char closer = BracketMatcher.closerOf(last);
        boolean opens = closer != 0 || (last == ':' && language.colonOpensBlock()
                && !startsWithLineComment(text, indentEnd, language));
        if (closer != 0 && next == closer) {
            var inner = indent + unit.text();
            var inserted = "\n" + inner + "\n" + indent;
            return CaretEdits.Change.of(new Edit(start, rest, inserted), start + 1 + inner.length());
        }
        var inserted = "\n" + indent + (opens ? unit.text() : "");
        return CaretEdits.Change.of(new Edit(start, rest, inserted), start + inserted.length());
    }

    /**
     * Tab at one caret without a multi-line selection: the selection (or nothing) becomes whitespace up to the next
     * indent stop.
     */
    public static CaretEdits.Change tab(CharSequence text, CaretRange caret, IndentUnit unit) {
        int start = caret.start();
        if (unit.tabs()) {
            return CaretEdits.Change.of(new Edit(start, caret.end(), "\t"), start + 1);
        }
        int column = unit.columns(text.subSequence(Lines.start(text, start), start));
        var spaces = " ".repeat(unit.width() - column % unit.width());
        return CaretEdits.Change.of(new Edit(start, caret.end(), spaces), start + spaces.length());
    }

    /** Whether Tab at these carets should shift lines rather than insert whitespace: a selection spans lines. */
    public static boolean shiftsLines(CharSequence text, List<CaretRange> carets) {
        return carets.stream().anyMatch(caret -> !caret.isEmpty()
                && Lines.start(text, caret.start()) != Lines.start(text, caret.end()));
    }

    /** Adds one level of indent to every non-blank line the carets touch. */
    public static EditPlan indentLines(CharSequence text, List<CaretRange> carets, IndentUnit unit) {
        var edits = new ArrayList<Edit>();
        for (int line : Lines.touched(text, carets)) {
            if (!Lines.isBlank(text, line)) {
                edits.add(Edit.insert(line, unit.text()));
            }
        }
        return EditPlan.mapping(edits, carets);
    }

    /** Takes one level of indent (a tab, or up to a level of spaces) off every line the carets touch. */
    public static EditPlan outdentLines(CharSequence text, List<CaretRange> carets, IndentUnit unit) {
        var edits = new ArrayList<Edit>();
        for (int line : Lines.touched(text, carets)) {
            int end = Lines.indentEnd(text, line);
            if (end == line) {
                continue;
            }
            int cut = line;
            if (text.charAt(line) == '\t') {
                cut = line + 1;
            } else {
                while (cut < end && cut - line < unit.width() && text.charAt(cut) == ' ') {
                    cut++;
                }
            }
            edits.add(Edit.delete(line, cut));
        }
        return EditPlan.mapping(edits, carets);
    }

    private static boolean startsWithLineComment(CharSequence text, int from, EditingLanguage language) {
        return language.lineComment().map(token -> text.subSequence(from, Math.min(text.length(),
                from + token.length())).toString().equals(token)).orElse(false);
    }
}
