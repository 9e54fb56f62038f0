package dev.cyberdevstudio.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    private static final String BASE = "a\nb\nc\nd\ne\n";

    @Test
    void changesToDifferentLinesMergeCleanly() {
        var merged = ThreeWayMerge.merge(BASE, "a\nB\nc\nd\ne\n", "a\nb\nc\nD\ne\n");

        assertThat(merged.clean()).isTrue();
        assertThat(merged.conflicts()).isEmpty();
        assertThat(merged.text()).isEqualTo("a\nB\nc\nD\ne\n");
    }

    @Test
    void changesToNeighbouringLinesMergeCleanly() {
        var merged = ThreeWayMerge.merge(BASE, "a\nB\nc\nd\ne\n", "a\nb\nC\nd\ne\n");

        assertThat(merged.clean()).isTrue();
        assertThat(merged.text()).isEqualTo("a\nB\nC\nd\ne\n");
    }

    @Test
    void oneSideUnchangedTakesTheOther() {
        assertThat(ThreeWayMerge.merge(BASE, BASE, "x\n").text()).isEqualTo("x\n");
        assertThat(ThreeWayMerge.merge(BASE, "x\n", BASE).text()).isEqualTo("x\n");
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnce() {
        var merged = ThreeWayMerge.merge(BASE, "a\nb\nX\nd\ne\nf\n", "a\nb\nX\nd\ne\n");

        assertThat(merged.clean()).isTrue();
        assertThat(merged.text()).isEqualTo("a\nb\nX\nd\ne\nf\n");
    }

    @Test
    void differentChangesToTheSameLinesConflict() {
        var merged = ThreeWayMerge.merge(BASE, "a\nb\nours\nd\ne\n", "a\nb\ntheirs\nd\ne\n", "disk", "agent");

        assertThat(merged.clean()).isFalse();
        assertThat(merged.text()).isEqualTo("a\nb\n<<<<<<< disk\nours\n=======\ntheirs\n>>>>>>> agent\nd\ne\n");
        assertThat(merged.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.index()).isZero();
            assertThat(conflict.startLine()).isEqualTo(2);
            assertThat(conflict.endLine()).isEqualTo(7);
            assertThat(conflict.base()).containsExactly("c");
            assertThat(conflict.ours()).containsExactly("ours");
            assertThat(conflict.theirs()).containsExactly("theirs");
        });
    }

    @Test
    void conflictsAreSettledPerConflict() {
        var merged = ThreeWayMerge.merge("x\nkeep\ny\n", "X1\nkeep\nY1\n", "X2\nkeep\nY2\n");

        assertThat(merged.conflicts()).hasSize(2);
        assertThat(merged.conflicts().get(1).index()).isEqualTo(1);
        assertThat(merged.resolve(List.of(MergeResult.Resolution.OURS, MergeResult.Resolution.THEIRS)))
                .isEqualTo("X1\nkeep\nY2\n");
        assertThat(merged.resolveAll(MergeResult.Resolution.BASE)).isEqualTo("x\nkeep\ny\n");
        assertThat(merged.resolveAll(MergeResult.Resolution.OURS_THEN_THEIRS)).isEqualTo("X1\nX2\nkeep\nY1\nY2\n");
        assertThatThrownBy(() -> merged.resolve(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoDifferentInsertionsAtTheSamePlaceConflict() {
        var merged = ThreeWayMerge.merge("a\nz\n", "a\nmine\nz\n", "a\nyours\nz\n");

        assertThat(merged.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.base()).isEmpty();
            assertThat(conflict.ours()).containsExactly("mine");
            assertThat(conflict.theirs()).containsExactly("yours");
        });
    }

    @Test
    void anInsertionBeforeAChangedLineMergesCleanly() {
        var merged = ThreeWayMerge.merge("a\nb\n", "a\nnew\nb\n", "a\nB\n");

        assertThat(merged.clean()).isTrue();
        assertThat(merged.text()).isEqualTo("a\nnew\nB\n");
    }

    @Test
    void emptyFilesMerge() {
        assertThat(ThreeWayMerge.merge("", "", "").text()).isEmpty();
        assertThat(ThreeWayMerge.merge("", "a\n", "").text()).isEqualTo("a\n");
        assertThat(ThreeWayMerge.merge("", "a\n", "b\n").clean()).isFalse();
        assertThat(ThreeWayMerge.merge("", "same\n", "same\n").text()).isEqualTo("same\n");
    }

    @Test
    void lastLinesWithoutNewlineMergeAndConflictCleanly() {
        var merged = ThreeWayMerge.merge("a\nb", "A\nb", "a\nb\nc");
        assertThat(merged.clean()).isTrue();
        assertThat(merged.text()).isEqualTo("A\nb\nc");

        var conflicted = ThreeWayMerge.merge("a\nb", "a\nB", "a\nC");
        assertThat(conflicted.text()).isEqualTo("a\n<<<<<<< ours\nB\n=======\nC\n>>>>>>> theirs\n");
        assertThat(conflicted.resolveAll(MergeResult.Resolution.THEIRS)).isEqualTo("a\nC");
        assertThat(conflicted.resolveAll(MergeResult.Resolution.OURS_THEN_THEIRS)).isEqualTo("a\nB\nC");
    }

    @Test
    void keepsTheSeparatorsOfCarriageReturnFiles() {
        var merged = ThreeWayMerge.merge("a\r\nb\r\nc\r\n", "A\r\nb\r\nc\r\n", "a\r\nb\r\nC\r\n");
        assertThat(merged.text()).isEqualTo("A\r\nb\r\nC\r\n");

        var conflicted = ThreeWayMerge.merge("a\r\n", "b\r\n", "c\r\n");
        assertThat(conflicted.text()).isEqualTo("<<<<<<< ours\r\nb\r\n=======\r\nc\r\n>>>>>>> theirs\r\n");
    }

    @Test
    void aChangeSpanningTwoOfTheOtherSidesChangesIsOneConflict() {
        var merged = ThreeWayMerge.merge("1\n2\n3\n4\n", "1\nX\n3\nY\n", "1\nall\n");

        assertThat(merged.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.base()).containsExactly("2", "3", "4");
            assertThat(conflict.ours()).containsExactly("X", "3", "Y");
            assertThat(conflict.theirs()).containsExactly("all");
        });
    }
}
