package dev.cyberdevstudio.app.editor.editing;

import dev.cyberdevstudio.app.editor.CodeEditor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntPredicate;
import javafx.beans.property.ReadOnlyIntegerProperty;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.TwoDimensional;

/**
 * The editing commands of one editor: comment toggles, bracket jump, line indent, extra carets. Found on the active
 * editor with {@code editor.feature(EditingCommands.class)}; {@link EditingActions} binds them to actions. Every
 * command that changes text at several carets makes one change, taken back by one undo.
 *
 * <pre>{@code
 * editorTabs.activeEditor().flatMap(editor -> editor.feature(EditingCommands.class))
 *         .ifPresent(EditingCommands::toggleLineComment);
 * }</pre>
 */
public final class EditingCommands {

    private final CodeEditor editor;
    private final CodeArea area;
    private final ExtraCarets carets;
    private final IndentUnit indentUnit;
    private final BracketHighlight brackets;

    EditingCommands(CodeEditor editor, ExtraCarets carets, BracketHighlight brackets) {
        this.editor = editor;
        this.area = editor.area();
        this.carets = carets;
        this.brackets = brackets;
        this.indentUnit = IndentUnit.detect(chars());
    }

    // ---------------------------------------------------------------- commands for actions

    /** Ctrl+/: line comments on or off for the lines of every caret. */
    public void toggleLineComment() {
        CommentToggle.toggleLines(chars(), carets.all(), language()).ifPresent(this::apply);
    }

    /** Ctrl+Shift+/: a block comment around each selection, or off again; nothing where the language has none. */
    public void toggleBlockComment() {
        CommentToggle.toggleBlock(chars(), carets.all(), language()).ifPresent(this::apply);
    }

    /** Ctrl+Shift+\: to the partner of the bracket beside the caret, or to the closer of the enclosing pair. */
    public void jumpToMatchingBracket() {
        var target = BracketMatcher.jumpTarget(chars(), area.getCaretPosition(), isCode());
        if (target.isPresent()) {
            carets.clear();
            area.moveTo(target.getAsInt());
            area.requestFollowCaret();
        }
    }

    /** One level more indent for the lines of every caret. */
    public void indentLines() {
        apply(AutoIndent.indentLines(chars(), carets.all(), indentUnit));
    }

    /** One level less indent for the lines of every caret. */
    public void outdentLines() {
        apply(AutoIndent.outdentLines(chars(), carets.all(), indentUnit));
    }

    /** A caret on the line above the topmost caret, in the same column (or the line's end). */
    public void addCaretAbove() {
        addCaretOnNextLine(-1);
    }

    /** A caret on the line below the bottommost caret. */
    public void addCaretBelow() {
        addCaretOnNextLine(1);
    }

    /**
     * Alt+J: selects the word at the caret, and with a selection already there adds a caret selecting its next
     * occurrence (from the last caret on, wrapping around).
     */
    public void addNextOccurrence() {
        var text = chars();
        var all = carets.all();
        var main = all.getFirst();
        if (main.isEmpty()) {
            int start = main.caret();
            int end = main.caret();
            while (start > 0 && isWordChar(text.charAt(start - 1))) {
                start--;
            }
            while (end < text.length() && isWordChar(text.charAt(end))) {
                end++;
            }
            if (start < end) {
                area.selectRange(start, end);
            }
            return;
        }
        var needle = text.subSequence(main.start(), main.end()).toString();
        var whole = text.toString();
        int from = all.getLast().end();
        for (int start : new int[] {from, 0}) {
            int found = whole.indexOf(needle, start);
            while (found >= 0 && (start == from || found < from)) {
                var candidate = new CaretRange(found, found + needle.length());
                if (all.stream().noneMatch(candidate::overlaps)) {
                    carets.add(candidate);
                    area.showParagraphInViewport(area.offsetToPosition(found, TwoDimensional.Bias.Forward).getMajor());
                    return;
                }
                found = whole.indexOf(needle, found + 1);
            }
        }
    }

    /** Esc: back to one caret. */
    public void clearExtraCarets() {
        carets.clear();
    }

    /** Adds a caret at {@code offset}, or removes the extra caret there (Alt+click). */
    public void toggleCaretAt(int offset) {
        if (!carets.removeAt(offset)) {
            carets.add(CaretRange.at(Math.clamp(offset, 0, area.getLength())));
        }
    }

    /** Every caret, the area's own first. */
    public List<CaretRange> carets() {
        return carets.all();
    }

    /** How many carets there are (1 without extra ones), for a status bar. */
    public ReadOnlyIntegerProperty caretCountProperty() {
        return carets.countProperty();
    }

    /** The indent this file uses, as detected when it was opened. */
    public IndentUnit indentUnit() {
        return indentUnit;
    }

    /** The bracket beside the caret and its partner, as highlighted now. */
    public Optional<BracketMatcher.Match> bracketMatch() {
        return brackets.current();
    }

    // ---------------------------------------------------------------- keys (EditingKeys)

    boolean hasExtraCarets() {
        return !carets.isEmpty();
    }

    void type(String typed) {
        var text = chars();
        var code = isCode();
        apply(CaretEdits.perCaret(carets.all(), caret -> Typing.type(text, caret, typed, true, code)));
    }

    void enter() {
        var text = chars();
        var language = language();
        apply(CaretEdits.perCaret(carets.all(), caret -> AutoIndent.newline(text, caret, indentUnit, language)));
    }

    void backspace() {
        var text = chars();
        apply(CaretEdits.perCaret(carets.all(), caret -> Typing.backspace(text, caret)));
    }

    void delete() {
        var text = chars();
        apply(CaretEdits.perCaret(carets.all(), caret -> Typing.delete(text, caret)));
    }

    /** Tab: shifts the lines when a selection spans lines, otherwise indents at each caret. */
    void tab() {
        var text = chars();
        var all = carets.all();
        if (AutoIndent.shiftsLines(text, all)) {
            apply(AutoIndent.indentLines(text, all, indentUnit));
        } else {
            apply(CaretEdits.perCaret(all, caret -> AutoIndent.tab(text, caret, indentUnit)));
        }
    }

    /** Paste at every caret: one line each when the clipboard has as many lines as there are carets. */
    void paste(String clipboard) {
        var all = carets.all();
        var lines = clipboard.replace("\r\n", "\n").split("\n", -1);
        var order = new ArrayList<>(all);
        order.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Function<CaretRange, String> pieceFor = lines.length == all.size()
                ? caret -> lines[order.indexOf(caret)] : caret -> clipboard.replace("\r\n", "\n");
        apply(CaretEdits.perCaret(all, caret -> {
            var piece = pieceFor.apply(caret);
            return CaretEdits.Change.of(new Edit(caret.start(), caret.end(), piece), caret.start() + piece.length());
        }));
    }

    /** Moves the extra carets as an arrow, Home or End key moves the area's own (which the area moves itself). */
    void moveExtraCarets(Direction direction) {
        var text = chars();
        var all = carets.all();
        var moved = new ArrayList<CaretRange>(all.size());
        moved.add(all.getFirst());
        for (var caret : all.subList(1, all.size())) {
            moved.add(CaretRange.at(direction.move(text, caret)));
        }
        carets.moveExtras(moved);
    }

    enum Direction {
        LEFT, RIGHT, UP, DOWN, HOME, END;

        int move(CharSequence text, CaretRange caret) {
            int at = caret.caret();
            int lineStart = Lines.start(text, at);
            return switch (this) {
                case LEFT -> caret.isEmpty() ? Math.max(0, at - 1) : caret.start();
                case RIGHT -> caret.isEmpty() ? Math.min(text.length(), at + 1) : caret.end();
                case HOME -> {
                    int indentEnd = Lines.indentEnd(text, lineStart);
                    yield at == indentEnd ? lineStart : Math.min(indentEnd, Lines.end(text, lineStart));
                }
                case END -> Lines.end(text, at);
                case UP -> lineStart == 0 ? at : sameColumn(text, Lines.start(text, lineStart - 1), at - lineStart);
                case DOWN -> {
                    int lineEnd = Lines.end(text, at);
                    yield lineEnd >= text.length() ? at : sameColumn(text, lineEnd + 1, at - lineStart);
                }
            };
        }

        private static int sameColumn(CharSequence text, int lineStart, int column) {
            return Math.min(lineStart + column, Lines.end(text, lineStart));
        }
    }

    // ---------------------------------------------------------------- internals

    /** Applies the plan as one change (one undo) and puts the carets where it says. */
    void apply(EditPlan plan) {
        if (plan.changesText()) {
            if (!area.isEditable()) {
                return;
            }
            var change = area.createMultiChange(plan.edits().size());
            for (var edit : plan.edits().reversed()) {
                change.replaceTextAbsolutely(edit.start(), edit.end(), edit.text());
            }
            change.commit();
        }
        carets.place(plan.carets());
        area.requestFollowCaret();
    }

    private void addCaretOnNextLine(int step) {
        var text = chars();
        var all = carets.all();
        var edge = step < 0 ? all.stream().min((a, b) -> Integer.compare(a.caret(), b.caret())).orElseThrow()
                : all.stream().max((a, b) -> Integer.compare(a.caret(), b.caret())).orElseThrow();
        var mainLine = Lines.start(text, all.getFirst().caret());
        int column = all.getFirst().caret() - mainLine;
        int lineStart = Lines.start(text, edge.caret());
        int target;
        if (step < 0) {
            if (lineStart == 0) {
                return;
            }
            int above = Lines.start(text, lineStart - 1);
            target = Math.min(above + column, Lines.end(text, above));
        } else {
            int lineEnd = Lines.end(text, edge.caret());
            if (lineEnd >= text.length()) {
                return;
            }
            target = Math.min(lineEnd + 1 + column, Lines.end(text, lineEnd + 1));
        }
        carets.add(CaretRange.at(target));
        area.showParagraphInViewport(area.offsetToPosition(target,
                TwoDimensional.Bias.Forward).getMajor());
    }

    private CharSequence chars() {
        return new DocumentChars(area);
    }

    private IntPredicate isCode() {
        return BracketHighlight.codeIn(area);
    }

    private EditingLanguage language() {
        return EditingLanguage.forFileName(editor.document().path().toString());
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
