package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoIndentTest {

    private static final EditingLanguage JAVA = EditingLanguage.forFileName("A.java");
    private static final EditingLanguage PYTHON = EditingLanguage.forFileName("a.py");

    @Test
    void enterKeepsTheIndentOfTheLine() {
        assertThat(enter("    int x;|", IndentUnit.spaces(4), JAVA)).isEqualTo("    int x;\n    |");
    }

    @Test
    void enterAfterAnOpeningBraceAddsOneLevel() {
        assertThat(enter("  if (x) {|", IndentUnit.spaces(2), JAVA)).isEqualTo("  if (x) {\n    |");
        assertThat(enter("call(|", IndentUnit.tab(4), JAVA)).isEqualTo("call(\n\t|");
    }

    @Test
    void enterBetweenBracesPutsTheCloserOnItsOwnLine() {
        assertThat(enter("  void f() {|}", IndentUnit.spaces(4), JAVA)).isEqualTo("  void f() {\n      |\n  }");
        assertThat(enter("[|  ]", IndentUnit.spaces(4), JAVA)).isEqualTo("[\n    |\n]");
    }

    @Test
    void enterAfterAPythonColonIndentsButNotAfterAColonInAComment() {
        assertThat(enter("def f():|", IndentUnit.spaces(4), PYTHON)).isEqualTo("def f():\n    |");
        assertThat(enter("# note:|", IndentUnit.spaces(4), PYTHON)).isEqualTo("# note:\n|");
        assertThat(enter("label:|", IndentUnit.spaces(4), JAVA)).isEqualTo("label:\n|");
    }

    @Test
    void enterReplacesTheSelectionAndDropsSpacesAfterTheCaret() {
        var text = "a = 1   b";
        var change = AutoIndent.newline(text, new CaretRange(4, 5), IndentUnit.DEFAULT, JAVA);
        var plan = new EditPlan(change.edits(), List.of(change.after()));

        assertThat(plan.applyTo(text)).isEqualTo("a = \nb");
    }

    @Test
    void tabGoesToTheNextStopAndShiftTabTakesALevelOff() {
        var change = AutoIndent.tab("ab", CaretRange.at(1), IndentUnit.spaces(4));
        assertThat(new EditPlan(change.edits(), List.of()).applyTo("ab")).isEqualTo("a   b");

        var text = "a\n  b\n\tc\n      d\n";
        var all = List.of(new CaretRange(0, text.length()));
        assertThat(AutoIndent.shiftsLines(text, all)).isTrue();
        assertThat(AutoIndent.outdentLines(text, all, IndentUnit.spaces(4)).applyTo(text))
                .isEqualTo("a\nb\nc\n  d\n");
        assertThat(AutoIndent.indentLines(text, all, IndentUnit.spaces(2)).applyTo(text))
                .isEqualTo("  a\n    b\n  \tc\n        d\n");
    }

    @Test
    void detectsTheIndentUnitOfAFile() {
        assertThat(IndentUnit.detect("class A {\n  int x;\n  void f() {\n    y();\n  }\n}\n"))
                .isEqualTo(IndentUnit.spaces(2));
        assertThat(IndentUnit.detect("/**\n * doc\n */\nclass A {\n    int x;\n}\n"))
                .isEqualTo(IndentUnit.spaces(4));
        assertThat(IndentUnit.detect("a:\n\tb\n\tc\n").tabs()).isTrue();
        assertThat(IndentUnit.detect("plain\ntext\n")).isEqualTo(IndentUnit.DEFAULT);
        assertThat(IndentUnit.tab(4).columns("\t  ")).isEqualTo(6);
        assertThat(IndentUnit.tab(4).whitespace(6)).isEqualTo("\t  ");
    }

    /** Enter at "|" in {@code marked}; the result shows the caret as "|" again. */
    private static String enter(String marked, IndentUnit unit, EditingLanguage language) {
        int caret = marked.indexOf('|');
        var text = marked.replace("|", "");
        var change = AutoIndent.newline(text, CaretRange.at(caret), unit, language);
        var after = new EditPlan(change.edits(), List.of(change.after())).applyTo(text);
        int at = change.after().caret();
        return after.substring(0, at) + "|" + after.substring(at);
    }
}
