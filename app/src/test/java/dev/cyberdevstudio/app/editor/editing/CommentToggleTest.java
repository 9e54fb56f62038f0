package dev.cyberdevstudio.app.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommentToggleTest {

    private static final EditingLanguage JAVA = EditingLanguage.forFileName("Main.java");
    private static final EditingLanguage PYTHON = EditingLanguage.forFileName("tool.py");
    private static final EditingLanguage CSS = EditingLanguage.forFileName("site.css");

    @Test
    void commentsSelectedJavaLinesAtTheirSmallestIndentAndBack() {
        var text = "class A {\n    int x;\n        int y;\n}\n";
        var selection = List.of(new CaretRange(10, 36));

        var on = CommentToggle.toggleLines(text, selection, JAVA).orElseThrow();
        var commented = on.applyTo(text);

        assertThat(commented).isEqualTo("class A {\n    // int x;\n    //     int y;\n}\n");
        var off = CommentToggle.toggleLines(commented, on.carets(), JAVA).orElseThrow();
        assertThat(off.applyTo(commented)).isEqualTo(text);
    }

    @Test
    void commentsPythonWithAHashAndSkipsBlankLines() {
        var text = "def f():\n\n    return 1\n";

        var plan = CommentToggle.toggleLines(text, List.of(new CaretRange(0, text.length())), PYTHON).orElseThrow();

        assertThat(plan.applyTo(text)).isEqualTo("# def f():\n\n#     return 1\n");
    }

    @Test
    void mixedLinesGetCommentedRatherThanUncommented() {
        var text = "// a\nb\n";

        var plan = CommentToggle.toggleLines(text, List.of(new CaretRange(0, 7)), JAVA).orElseThrow();

        assertThat(plan.applyTo(text)).isEqualTo("// // a\n// b\n");
    }

    @Test
    void theCaretStaysOnItsCharWhenTheLineGetsATokenBeforeIt() {
        var text = "  foo();";

        var plan = CommentToggle.toggleLines(text, List.of(CaretRange.at(5)), JAVA).orElseThrow();

        assertThat(plan.applyTo(text)).isEqualTo("  // foo();");
        assertThat(plan.carets()).containsExactly(CaretRange.at(8));
    }

    @Test
    void aSelectionEndingAtTheStartOfALineLeavesThatLineAlone() {
        var text = "a\nb\nc\n";

        var plan = CommentToggle.toggleLines(text, List.of(new CaretRange(0, 4)), PYTHON).orElseThrow();

        assertThat(plan.applyTo(text)).isEqualTo("# a\n# b\nc\n");
    }

    @Test
    void anEmptyLineGetsACommentToTypeIn() {
        var text = "x\n    \ny";

        var plan = CommentToggle.toggleLines(text, List.of(CaretRange.at(4)), JAVA).orElseThrow();

        assertThat(plan.applyTo(text)).isEqualTo("x\n    // \ny");
    }

    @Test
    void cssLinesAreWrappedInBlockCommentsEach() {
        var text = "a { color: red; }\n  b {}\n";

        var plan = CommentToggle.toggleLines(text, List.of(new CaretRange(0, text.length())), CSS).orElseThrow();
        var commented = plan.applyTo(text);

        assertThat(commented).isEqualTo("/* a { color: red; } */\n/*   b {} */\n");
        assertThat(CommentToggle.toggleLines(commented, plan.carets(), CSS).orElseThrow().applyTo(commented))
                .isEqualTo(text);
    }

    @Test
    void plainTextHasNoComments() {
        assertThat(CommentToggle.toggleLines("x", List.of(CaretRange.at(0)), EditingLanguage.PLAIN)).isEmpty();
        assertThat(CommentToggle.toggleBlock("x", List.of(CaretRange.at(0)), PYTHON)).isEmpty();
    }

    @Test
    void blockCommentWrapsTheSelectionAndTakesItOffAgain() {
        var text = "int x = 1 + 2;";
        var selection = List.of(new CaretRange(8, 13));

        var on = CommentToggle.toggleBlock(text, selection, JAVA).orElseThrow();
        var commented = on.applyTo(text);

        assertThat(commented).isEqualTo("int x = /* 1 + 2 */;");
        assertThat(on.carets()).containsExactly(new CaretRange(8, 19));
        assertThat(CommentToggle.toggleBlock(commented, on.carets(), JAVA).orElseThrow().applyTo(commented))
                .isEqualTo(text);
    }

    @Test
    void blockCommentAtACaretLeavesTheCaretInsideAnEmptyComment() {
        var plan = CommentToggle.toggleBlock("ab", List.of(CaretRange.at(1)), JAVA).orElseThrow();

        assertThat(plan.applyTo("ab")).isEqualTo("a/*  */b");
        assertThat(plan.carets()).containsExactly(CaretRange.at(4));
    }

    @Test
    void blockCommentAtACaretInsideACommentTakesThatCommentOff() {
        var text = "a /* note */ b";

        var plan = CommentToggle.toggleBlock(text, List.of(CaretRange.at(6)), JAVA).orElseThrow();

        assertThat(plan.applyTo(text)).isEqualTo("a note b");
    }

    @Test
    void htmlBlockCommentsUseMarkupTokens() {
        var plan = CommentToggle.toggleBlock("<p>hi</p>", List.of(new CaretRange(0, 9)),
                EditingLanguage.forFileName("index.html")).orElseThrow();

        assertThat(plan.applyTo("<p>hi</p>")).isEqualTo("<!-- <p>hi</p> -->");
    }

    @Test
    void languagesOutsideTheHighlighterAreKnownByExtension() {
        assertThat(EditingLanguage.forFileName("main.c").lineComment()).contains("//");
        assertThat(EditingLanguage.forFileName("/x/Gemfile.rb").lineComment()).contains("#");
        assertThat(EditingLanguage.forFileName("q.sql").lineComment()).contains("--");
        assertThat(EditingLanguage.forFileName("Makefile").lineComment()).contains("#");
        assertThat(EditingLanguage.forFileName("notes.txt")).isEqualTo(EditingLanguage.PLAIN);
        assertThat(EditingLanguage.forFileName("a.yaml").colonOpensBlock()).isTrue();
    }
}
