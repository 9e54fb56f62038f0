package dev.cyberdevstudio.app.editor.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ctrl+/ and Ctrl+Shift+/ on a text: line comments on the lines the carets touch, block comments around each
 * selection. Pure text in, {@link EditPlan} out.
 *
 * <pre>{@code
 * CommentToggle.toggleLines("a\n  b\n", List.of(new CaretRange(0, 5)), java)   // "// a\n//   b\n"
 * }</pre>
 *
 * <p>Line comments go at the smallest indent of the non-blank lines, so that a block stays lined up, with a space
 * after the token; they come off when every non-blank line has one. A language with only block comments (CSS, HTML)
 * gets each line wrapped in its own block comment instead.
 */
public final class CommentToggle {

    private CommentToggle() {
    }

    /** Comments or uncomments the lines; empty when the language has no comments at all. */
    public static Optional<EditPlan> toggleLines(CharSequence text, List<CaretRange> carets,
                                                 EditingLanguage language) {
        if (language.lineComment().isEmpty() && language.blockComment().isEmpty()) {
            return Optional.empty();
        }
        var lines = Lines.touched(text, carets);
        var filled = lines.stream().filter(line -> !Lines.isBlank(text, line)).toList();
        var edits = new ArrayList<Edit>();
        if (filled.isEmpty()) {
            for (int line : lines) {
                edits.addAll(comment(text, line, Lines.indentEnd(text, line) - line, language));
            }
        } else if (filled.stream().allMatch(line -> isCommented(text, line, language))) {
            for (int line : filled) {
                edits.addAll(uncomment(text, line, language));
            }
        } else {
            int column = filled.stream().mapToInt(line -> Lines.indentEnd(text, line) - line).min().orElse(0);
            for (int line : filled) {
                edits.addAll(comment(text, line, column, language));
            }
        }
        return Optional.of(EditPlan.mapping(edits, carets));
    }

    /**
     * Wraps each selection in a block comment, or takes the comment off when the selection is one; a caret
     * inside a block comment takes that comment off, and a caret elsewhere gets an empty comment to type in. Empty
     * when the language has no block comments.
     */
    public static Optional<EditPlan> toggleBlock(CharSequence text, List<CaretRange> carets,
                                                 EditingLanguage language) {
        if (language.blockComment().isEmpty()) {
            return Optional.empty();
        }
        var tokens = language.blockComment().get();
        var edits = new ArrayList<Edit>();
        var emptyComments = new ArrayList<Integer>();
        for (var caret : carets) {
            if (caret.isEmpty()) {
                var around = enclosingComment(text, caret.caret(), tokens);
                if (around.isPresent()) {
                    edits.addAll(unwrap(text, around.get()[0], around.get()[1], tokens));
                } else {
                    emptyComments.add(caret.caret());
                    edits.add(Edit.insert(caret.caret(), tokens.open() + "  " + tokens.close()));
                }
                continue;
            }
            int start = caret.start();
            int end = caret.end();
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            var inner = text.subSequence(start, end).toString();
            if (inner.length() >= tokens.open().length() + tokens.close().length()
                    && inner.startsWith(tokens.open()) && inner.endsWith(tokens.close())) {
                edits.addAll(unwrap(text, start, end, tokens));
            } else {
                edits.add(Edit.insert(caret.start(), tokens.open() + " "));
                edits.add(Edit.insert(caret.end(), " " + tokens.close()));
            }
        }
        var kept = withoutOverlaps(edits);
        var plan = EditPlan.mapping(kept, carets);
        var after = new ArrayList<>(plan.carets());
        for (int i = 0; i < carets.size(); i++) {
            if (emptyComments.contains(carets.get(i).caret()) && carets.get(i).isEmpty()) {
                int inside = EditPlan.map(plan.edits(), carets.get(i).caret(), false) + tokens.open().length() + 1;
                after.set(i, CaretRange.at(inside));
            }
        }
        return Optional.of(new EditPlan(plan.edits(), after));
    }

    private static boolean isCommented(CharSequence text, int line, EditingLanguage language) {
        var content = content(text, line);
        if (language.lineComment().isPresent()) {
            return content.startsWith(language.lineComment().get());
        }
        var tokens = language.blockComment().orElseThrow();
        return content.startsWith(tokens.open()) && content.endsWith(tokens.close())
                && content.length() >= tokens.open().length() + tokens.close().length();
    }

    private static List<Edit> comment(CharSequence text, int line, int column, EditingLanguage language) {
        int at = line + column;
        if (language.lineComment().isPresent()) {
            return List.of(Edit.insert(at, language.lineComment().get() + " "));
        }
        var tokens = language.blockComment().orElseThrow();
        int end = contentEnd(text, line);
        return List.of(Edit.insert(at, tokens.open() + " "), Edit.insert(Math.max(at, end), " " + tokens.close()));
    }

    private static List<Edit> uncomment(CharSequence text, int line, EditingLanguage language) {
        int start = Lines.indentEnd(text, line);
        if (language.lineComment().isPresent()) {
            int end = start + language.lineComment().get().length();
            if (end < text.length() && text.charAt(end) == ' ') {
                end++;
            }
            return List.of(Edit.delete(start, end));
        }
        return unwrap(text, start, contentEnd(text, line), language.blockComment().orElseThrow());
    }

    // Takes the tokens of the comment [start, end) off, with one space inside each if there is one.
    private static List<Edit> unwrap(CharSequence text, int start, int end, EditingLanguage.BlockComment tokens) {
        int openEnd = start + tokens.open().length();
        int closeStart = end - tokens.close().length();
        if (openEnd < closeStart && text.charAt(openEnd) == ' ') {
            openEnd++;
        }
        if (closeStart > openEnd && text.charAt(closeStart - 1) == ' ') {
            closeStart--;
        }
        return List.of(Edit.delete(start, openEnd), Edit.delete(closeStart, end));
    }

    // The block comment around offset: its open token starts before it and its close token ends at or after it.
    private static Optional<int[]> enclosingComment(CharSequence text, int offset,
                                                    EditingLanguage.BlockComment tokens) {
        var before = text.subSequence(0, offset).toString();
        int open = before.lastIndexOf(tokens.open());
        if (open < 0 || before.indexOf(tokens.close(), open + tokens.open().length()) >= 0) {
            return Optional.empty();
        }
        int close = text.toString().indexOf(tokens.close(), Math.max(offset, open + tokens.open().length()));
        if (close < 0) {
            return Optional.empty();
        }
        return Optional.of(new int[] {open, close + tokens.close().length()});
    }

    private static String content(CharSequence text, int line) {
        return text.subSequence(Lines.indentEnd(text, line), contentEnd(text, line)).toString();
    }

    private static int contentEnd(CharSequence text, int line) {
        int end = Lines.end(text, line);
        int start = Lines.indentEnd(text, line);
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The edits in order, leaving out any that would touch a range an earlier one already changes. */
    static List<Edit> withoutOverlaps(List<Edit> edits) {
        var sorted = edits.stream().distinct().sorted((a, b) -> a.start() != b.start()
                ? Integer.compare(a.start(), b.start()) : Integer.compare(a.end(), b.end())).toList();
        var kept = new ArrayList<Edit>();
        for (var edit : sorted) {
            if (kept.isEmpty() || edit.start() >= kept.getLast().end()
                    && !(edit.start() == kept.getLast().start() && edit.end() == edit.start())) {
                kept.add(edit);
            }
        }
        return kept;
    }
}
