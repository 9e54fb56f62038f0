package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypingTest {

    @Test
    void openingBracketsAndQuotesGetTheirCloser() {
        assertThat(type("f|", "(")).isEqualTo("f(|)");
        assertThat(type("x = |;", "\"")).isEqualTo("x = \"|\";");
        assertThat(type("|", "{")).isEqualTo("{|}");
    }

    @Test
    void noCloserBeforeAWordOrForAnApostrophe() {
        assertThat(type("|foo", "(")).isEqualTo("(|foo");
        assertThat(type("don|", "'")).isEqualTo("don'|");
    }

    @Test
    void typingTheCloserInFrontOfItStepsOver() {
        assertThat(type("f(|)", ")")).isEqualTo("f()|");
        assertThat(type("\"abc|\"", "\"")).isEqualTo("\"abc\"|");
    }

    @Test
    void aSelectionIsWrappedInThePair() {
        var text = "a word b";
        var change = Typing.type(text, new CaretRange(2, 6), "(", true, offset -> true);

        assertThat(plan(change).applyTo(text)).isEqualTo("a (word) b");
        assertThat(change.after()).isEqualTo(new CaretRange(3, 7));
    }

    @Test
    void aClosingBraceOnABlankLineLinesUpWithItsOpener() {
        assertThat(type("  if (x) {\n    a();\n      |", "}")).isEqualTo("  if (x) {\n    a();\n  }|");
    }

    @Test
    void aClosingBraceInAStringIsNotCountedAsTheOpener() {
        var text = "x {\n  s = \"{\";\n      ";
        int brace = text.indexOf("\"{\"") + 1;
        var change = Typing.type(text, CaretRange.at(text.length()), "}", true, offset -> offset != brace);

        assertThat(plan(change).applyTo(text)).isEqualTo("x {\n  s = \"{\";\n}");
    }

    @Test
    void withoutAutoCloseTheTextJustReplacesTheSelection() {
        var change = Typing.type("abc", new CaretRange(0, 2), "(", false, offset -> true);

        assertThat(plan(change).applyTo("abc")).isEqualTo("(c");
    }

    @Test
    void backspaceTakesAnEmptyPairOrOneChar() {
        assertThat(backspace("f(|)")).isEqualTo("f|");
        assertThat(backspace("ab|c")).isEqualTo("a|c");
        assertThat(backspace("|a")).isEqualTo("|a");
        assertThat(backspace("x\uD83D\uDE00|")).isEqualTo("x|");
    }

    @Test
    void deleteTakesTheNextCharOrTheSelection() {
        var change = Typing.delete("abc", CaretRange.at(1));
        assertThat(plan(change).applyTo("abc")).isEqualTo("ac");
        assertThat(plan(Typing.delete("abc", new CaretRange(2, 0))).applyTo("abc")).isEqualTo("c");
        assertThat(Typing.delete("abc", CaretRange.at(3)).edits()).isEmpty();
    }

    @Test
    void everyCaretTypesAndTheCaretsMoveOnTogether() {
        var text = "a\nb\nc";
        var carets = List.of(CaretRange.at(1), CaretRange.at(5), CaretRange.at(3));

        var plan = CaretEdits.perCaret(carets, caret -> Typing.type(text, caret, "x", true, offset -> true));

        assertThat(plan.applyTo(text)).isEqualTo("ax\nbx\ncx");
        assertThat(plan.carets()).containsExactly(CaretRange.at(2), CaretRange.at(8), CaretRange.at(5));
    }

    @Test
    void backspaceAtAdjacentCaretsTakesOneCharEach() {
        var plan = CaretEdits.perCaret(List.of(CaretRange.at(1), CaretRange.at(2)),
                caret -> Typing.backspace("abc", caret));

        assertThat(plan.applyTo("abc")).isEqualTo("c");
        assertThat(plan.carets()).containsExactly(CaretRange.at(0), CaretRange.at(0));
    }

    @Test
    void mapsOffsetsThroughEdits() {
        var edits = List.of(Edit.insert(2, "xx"), new Edit(5, 7, "y"));

        assertThat(EditPlan.map(edits, 2, true)).isEqualTo(4);
        assertThat(EditPlan.map(edits, 2, false)).isEqualTo(2);
        assertThat(EditPlan.map(edits, 6, true)).isEqualTo(8);
        assertThat(EditPlan.map(edits, 9, true)).isEqualTo(10);
        assertThat(CaretRange.at(3).overlaps(new CaretRange(1, 5))).isTrue();
        assertThat(new CaretRange(1, 3).overlaps(new CaretRange(3, 5))).isFalse();
    }

    private static String type(String marked, String typed) {
        int caret = marked.indexOf('|');
        var text = marked.replace("|", "");
        return show(text, Typing.type(text, CaretRange.at(caret), typed, true, offset -> true));
    }

    private static String backspace(String marked) {
        int caret = marked.indexOf('|');
        var text = marked.replace("|", "");
        return show(text, Typing.backspace(text, CaretRange.at(caret)));
    }

    private static String show(String text, CaretEdits.Change change) {
        var after = plan(change).applyTo(text);
        int at = change.after().caret();
        return after.substring(0, at) + "|" + after.substring(at);
    }

    private static EditPlan plan(CaretEdits.Change change) {
        return new EditPlan(change.edits(), List.of(change.after()));
    }
}
