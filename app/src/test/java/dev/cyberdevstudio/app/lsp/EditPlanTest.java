package dev.cyberdevstudio.app.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.lsp.TextEdit;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import dev.cyberdevstudio.engine.lsp.TextSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditPlanTest {

    private static TextEdit edit(int startLine, int startColumn, int endLine, int endColumn, String text) {
        return new TextEdit(TextSpan.of(startLine, startColumn, endLine, endColumn), text);
    }

    @Test
    void appliesEditsGivenInAnyOrderAgainstTheOriginalText() {
        var text = "def greet(name):\n    return greet\n";
        var plan = EditPlan.of(text, List.of(edit(1, 11, 1, 16, "salute"), edit(0, 4, 0, 9, "salute")));

        assertThat(plan.apply()).isEqualTo("def salute(name):\n    return salute\n");
        assertThat(plan.size()).isEqualTo(2);
    }

    @Test
    void mergesAllEditsIntoTheSmallestSingleReplacement() {
        var text = "a  =  1\nb=2\n";
        var plan = EditPlan.of(text, List.of(edit(0, 1, 0, 3, " "), edit(0, 4, 0, 6, " "), edit(1, 1, 1, 2, " = ")));

        var merged = plan.merged().orElseThrow();
        var result = new StringBuilder(text).replace(merged.start(), merged.end(), merged.text()).toString();

        assertThat(result).isEqualTo("a = 1\nb = 2\n");
        assertThat(merged.start()).isEqualTo(2);
        assertThat(merged.end()).isEqualTo(10);
    }

    @Test
    void editsThatChangeNothingMergeIntoNothing() {
        var plan = EditPlan.of("x = 1\n", List.of(edit(0, 0, 0, 1, "x")));

        assertThat(plan.merged()).isEmpty();
        assertThat(EditPlan.of("x", List.of()).isEmpty()).isTrue();
    }

    @Test
    void insertsAtTheSamePlaceKeepTheServersOrder() {
        var plan = EditPlan.of("()", List.of(edit(0, 1, 0, 1, "a"), edit(0, 1, 0, 1, "b")));

        assertThat(plan.apply()).isEqualTo("(ab)");
    }

    @Test
    void refusesOverlappingEditsWithAClearMessage() {
        assertThatThrownBy(() -> EditPlan.of("abcdef", List.of(edit(0, 0, 0, 3, "x"), edit(0, 2, 0, 4, "y"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlapping edits");
    }

    @Test
    void clampsPositionsPastTheEndOfALineOrOfTheText() {
        var plan = EditPlan.of("ab\ncd", List.of(edit(0, 9, 0, 9, "!"), edit(7, 0, 7, 0, "?")));

        assertThat(plan.apply()).isEqualTo("ab!\ncd?");
    }

    @Test
    void movesOffsetsAfterEditsByWhatTheyAddedAndInsideEditsToTheirEnd() {
        var text = "one two three";
        var plan = EditPlan.of(text, List.of(edit(0, 0, 0, 3, "1"), edit(0, 4, 0, 7, "2222")));

        assertThat(plan.mapOffset(0)).isEqualTo(0);
        assertThat(plan.mapOffset(2)).isEqualTo(1);
        assertThat(plan.mapOffset(3)).isEqualTo(1);
        assertThat(plan.mapOffset(5)).isEqualTo(6);
        assertThat(plan.mapOffset(8)).isEqualTo(7);
        assertThat(plan.mapOffset(text.length())).isEqualTo("1 2222 three".length());
    }

    @Test
    void anInsertAtAnOffsetPutsTheOffsetAfterIt() {
        var plan = EditPlan.of("ab", List.of(edit(0, 1, 0, 1, "xyz")));

        assertThat(plan.mapOffset(1)).isEqualTo(4);
        assertThat(plan.mapOffset(0)).isEqualTo(0);
    }

    @Test
    void lineIndexTurnsPositionsIntoOffsetsAndBack() {
        var index = LineIndex.of("ab\n\ncde");

        assertThat(index.lineCount()).isEqualTo(3);
        assertThat(index.offset(new TextPosition(2, 1))).isEqualTo(5);
        assertThat(index.offset(new TextPosition(1, 5))).isEqualTo(3);
        assertThat(index.position(5)).isEqualTo(new TextPosition(2, 1));
        assertThat(index.position(3)).isEqualTo(new TextPosition(1, 0));
        assertThat(index.position(99)).isEqualTo(new TextPosition(2, 3));
    }
}
