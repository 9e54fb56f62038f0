package dev.cyberdevstudio.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TextDiffTest {

    private static final String OLD = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
    private static final String NEW = "one\nTWO\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n";

    @Test
    void identicalTextsHaveNoHunks() {
        var diff = TextDiff.compare(OLD, OLD);

        assertThat(diff.identical()).isTrue();
        assertThat(diff.hunks()).isEmpty();
        assertThat(diff.unified("a", "b", 3)).isEmpty();
        assertThat(diff.sideBySide()).hasSize(10).allMatch(row -> row.kind() == RowKind.EQUAL);
    }

    @Test
    void findsChangedAddedAndDeletedLinesWithTheirPlaces() {
        var diff = TextDiff.compare("a\nb\nc\nd\n", "a\nB\nc\nx\ny\n");
        // d deleted at the end; x, y added: one changed hunk there. b changed.

        assertThat(diff.hunks()).hasSize(2);
        var first = diff.hunks().get(0);
        assertThat(first.kind()).isEqualTo(DiffHunk.Kind.CHANGED);
        assertThat(first.oldStart()).isEqualTo(1);
        assertThat(first.oldLines()).containsExactly("b");
        assertThat(first.newLines()).containsExactly("B");
        var second = diff.hunks().get(1);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.oldStart()).isEqualTo(3);
        assertThat(second.oldCount()).isEqualTo(1);
        assertThat(second.newStart()).isEqualTo(3);
        assertThat(second.newCount()).isEqualTo(2);
        assertThat(second.summary()).isEqualTo("+2 \u22121");
    }

    @Test
    void kindsOfPureAdditionsAndDeletions() {
        var added = TextDiff.compare("a\nc\n", "a\nb\nc\n").hunks().getFirst();
        assertThat(added.kind()).isEqualTo(DiffHunk.Kind.ADDED);
        assertThat(added.oldStart()).isEqualTo(1);
        assertThat(added.oldCount()).isZero();
        assertThat(added.newLines()).containsExactly("b");

        var deleted = TextDiff.compare("a\nb\nc\n", "a\nc\n").hunks().getFirst();
        assertThat(deleted.kind()).isEqualTo(DiffHunk.Kind.DELETED);
        assertThat(deleted.newStart()).isEqualTo(1);
        assertThat(deleted.newCount()).isZero();
        assertThat(deleted.oldLines()).containsExactly("b");
    }

    @Test
    void emptyTextsCompareAsAllAddedOrAllDeleted() {
        assertThat(TextDiff.compare("", "").identical()).isTrue();
        var added = TextDiff.compare("", "x\ny\n");
        assertThat(added.hunks()).singleElement().satisfies(hunk -> {
            assertThat(hunk.kind()).isEqualTo(DiffHunk.Kind.ADDED);
            assertThat(hunk.newLines()).containsExactly("x", "y");
        });
        var deleted = TextDiff.compare("x\n", "");
        assertThat(deleted.hunks().getFirst().kind()).isEqualTo(DiffHunk.Kind.DELETED);
        assertThat(deleted.oldLineCount()).isEqualTo(1);
        assertThat(deleted.newLineCount()).isZero();
    }

    @Test
    void lineSeparatorsAloneAreNoChange() {
        assertThat(TextDiff.compare("a\r\nb\r\n", "a\nb\n").identical()).isTrue();
        assertThat(TextDiff.compare("a\rb\r", "a\nb\n").identical()).isTrue();
    }

    @Test
    void aMissingNewlineAtTheEndIsAChangeOfTheLastLine() {
        var diff = TextDiff.compare("a\nb\n", "a\nb");

        var hunk = diff.hunks().getFirst();
        assertThat(hunk.oldLines()).containsExactly("b");
        assertThat(hunk.newLines()).containsExactly("b");
        assertThat(hunk.oldEndsWithoutNewline()).isFalse();
        assertThat(hunk.newEndsWithoutNewline()).isTrue();
        assertThat(diff.unified("a/f", "b/f", 3)).isEqualTo("""
                --- a/f
                +++ b/f
                @@ -1,2 +1,2 @@
                 a
                -b
                +b
                \\ No newline at end of file
                """);
    }

    @Test
    void sideBySideRowsAlignChangesAndPadWithFillers() {
        var rows = TextDiff.compare("keep\nold value\ngone\nend\n", "keep\nnew value\nend\nadded\n").sideBySide();

        assertThat(rows).extracting(SideBySideRow::kind).containsExactly(RowKind.EQUAL, RowKind.CHANGED,
                RowKind.DELETED, RowKind.EQUAL, RowKind.ADDED);
        var changed = rows.get(1);
        assertThat(changed.leftText()).isEqualTo("old value");
        assertThat(changed.rightText()).isEqualTo("new value");
        assertThat(changed.leftChanges()).containsExactly(new CharRange(0, 3));
        assertThat(changed.rightChanges()).containsExactly(new CharRange(0, 3));
        assertThat(changed.hunkIndex()).isZero();
        var deleted = rows.get(2);
        assertThat(deleted.hasLeft()).isTrue();
        assertThat(deleted.hasRight()).isFalse();
        assertThat(deleted.rightLine()).isEqualTo(-1);
        var added = rows.get(4);
        assertThat(added.leftText()).isEmpty();
        assertThat(added.rightLine()).isEqualTo(3);
        assertThat(added.hunkIndex()).isEqualTo(1);
        assertThat(rows.get(3).leftLine()).isEqualTo(3);
        assertThat(rows.get(3).rightLine()).isEqualTo(2);
    }

    @Test
    void inlineRowsShowOldLinesBeforeNewOnes() {
        var rows = TextDiff.compare("a\nint count = 1;\nz\n", "a\nint total = 1;\nextra\nz\n").inline();

        assertThat(rows).extracting(InlineRow::kind).containsExactly(RowKind.EQUAL, RowKind.DELETED,
                RowKind.ADDED, RowKind.ADDED, RowKind.EQUAL);
        assertThat(rows).extracting(InlineRow::text)
                .containsExactly("a", "int count = 1;", "int total = 1;", "extra", "z");
        assertThat(rows.get(1).changes()).containsExactly(new CharRange(4, 9));
        assertThat(rows.get(2).changes()).containsExactly(new CharRange(4, 9));
        assertThat(rows.get(3).changes()).isEmpty();
        assertThat(rows.get(2).oldLine()).isEqualTo(-1);
        assertThat(rows.get(2).newLine()).isEqualTo(1);
        assertThat(rows.get(4).oldLine()).isEqualTo(2);
        assertThat(rows.get(4).newLine()).isEqualTo(3);
    }

    @Test
    void veryLongChangedLinesAreMarkedAsAWhole() {
        var left = "x".repeat(IntraLine.MAX_LINE + 1);
        var row = TextDiff.compare(left + "\n", left + "y\n").sideBySide().getFirst();

        assertThat(row.leftChanges()).containsExactly(new CharRange(0, left.length()));
        assertThat(row.rightChanges()).containsExactly(new CharRange(0, left.length() + 1));
    }

    @Test
    void unifiedTextGroupsNearbyChangesWithContext() {
        var unified = TextDiff.compare(OLD, NEW).unified("a/n.txt", "b/n.txt", 3);

        assertThat(unified).isEqualTo("""
                --- a/n.txt
                +++ b/n.txt
                @@ -1,5 +1,5 @@
                 one
                -two
                +TWO
                 three
                 four
                 five
                @@ -8,3 +8,4 @@
                 eight
                 nine
                 ten
                +eleven
                """);
        assertThat(TextDiff.compare(OLD, NEW).unified("a", "b", 10)).containsOnlyOnce("@@ -");
    }

    @Test
    void unifiedTextOfAnEmptyOldFileStartsAtZero() {
        assertThat(TextDiff.compare("", "new\n").unified("/dev/null", "b/x", 3))
                .isEqualTo("--- /dev/null\n+++ b/x\n@@ -0,0 +1 @@\n+new\n");
    }

    @Test
    void applyingEveryHunkGivesTheNewTextAndNoneGivesTheOld() {
        var diff = TextDiff.compare(OLD, NEW);
        var all = IntStream.range(0, diff.hunks().size()).boxed().toList();

        assertThat(TextDiff.applySelected(OLD, diff.hunks(), all)).isEqualTo(NEW);
        assertThat(TextDiff.applySelected(OLD, diff.hunks(), Set.of())).isEqualTo(OLD);
    }

    @Test
    void applyingAChosenSubsetTakesOnlyThoseHunks() {
        var diff = TextDiff.compare(OLD, NEW);

        assertThat(TextDiff.applySelected(OLD, diff.hunks(), Set.of(1))).isEqualTo(OLD + "eleven\n");
        assertThat(TextDiff.applySelected(OLD, diff.hunks(), List.of(0)))
                .isEqualTo(OLD.replace("two", "TWO"));
    }

    @Test
    void applyingKeepsCarriageReturnLineFeeds() {
        var old = "a\r\nb\r\nc\r\n";
        var diff = TextDiff.compare(old, "a\nB\nc\nd\n");

        var result = TextDiff.applySelected(old, diff.hunks(), List.of(0, 1));

        assertThat(result).isEqualTo("a\r\nB\r\nc\r\nd\r\n");
    }

    @Test
    void applyingAndRevertingRespectTheMissingFinalNewline() {
        var old = "a\nb";
        var updated = "a\nb\nc";
        var diff = TextDiff.compare(old, updated);

        assertThat(TextDiff.applySelected(old, diff.hunks(), List.of(0))).isEqualTo(updated);
        assertThat(TextDiff.revert(updated, diff.hunks().getFirst())).isEqualTo(old);
        var back = TextDiff.compare(updated, old);
        assertThat(TextDiff.applySelected(updated, back.hunks(), List.of(0))).isEqualTo(old);
    }

    @Test
    void applyingToATextThatChangedSaysWhichLineDiffers() {
        var diff = TextDiff.compare(OLD, NEW);

        assertThatThrownBy(() -> TextDiff.applySelected(OLD.replace("two", "deux"), diff.hunks(), List.of(0)))
                .isInstanceOf(HunkMismatchException.class)
                .hasMessageContaining("line 2").hasMessageContaining("\"deux\"");
        assertThatThrownBy(() -> TextDiff.applySelected("one\n", diff.hunks(), List.of(1)))
                .isInstanceOf(HunkMismatchException.class).hasMessageContaining("only 1 lines");
    }

    @Test
    void revertingOneHunkRestoresItsOldLinesAndLeavesTheOthers() {
        var diff = TextDiff.compare(OLD, NEW);

        var reverted = TextDiff.revert(NEW, diff.hunks().getFirst());

        assertThat(reverted).isEqualTo(OLD + "eleven\n");
        assertThat(TextDiff.revert(NEW, diff.hunks().get(1))).isEqualTo(OLD.replace("two", "TWO"));
    }

    @Test
    void revertReplacementIsTheSmallestEditAndUsesTheTextsSeparator() {
        var old = "a\r\nb\r\nc\r\n";
        var current = "a\nc\n";
        var hunk = TextDiff.compare(old, current).hunks().getFirst();

        var replacement = TextDiff.revertReplacement(current, hunk);

        assertThat(replacement).isEqualTo(new TextReplacement(2, 2, "b\n"));
        assertThat(replacement.applyTo(current)).isEqualTo("a\nb\nc\n");
    }

    @Test
    void revertingAnAdditionAtTheEndRemovesIt() {
        var hunk = TextDiff.compare("a\n", "a\nb\nc\n").hunks().getFirst();

        assertThat(TextDiff.revertReplacement("a\nb\nc\n", hunk)).isEqualTo(new TextReplacement(2, 6, ""));
    }

    @Test
    void revertingAStaleHunkIsRefused() {
        var hunk = TextDiff.compare("a\nb\n", "a\nc\n").hunks().getFirst();

        assertThatThrownBy(() -> TextDiff.revert("a\nd\n", hunk)).isInstanceOf(HunkMismatchException.class);
    }

    @Test
    void overlappingHunksCannotBothBeApplied() {
        var hunks = List.of(
                new DiffHunk(0, 0, 2, 0, 1, List.of("a", "b"), List.of("x"), DiffHunk.Kind.CHANGED, false, false),
                new DiffHunk(1, 1, 1, 1, 1, List.of("b"), List.of("y"), DiffHunk.Kind.CHANGED, false, false));

        assertThatThrownBy(() -> TextDiff.applySelected("a\nb\n", hunks, List.of(0, 1)))
                .isInstanceOf(HunkMismatchException.class).hasMessageContaining("overlaps");
    }

    @Test
    void hunksRefuseLineCountsThatDoNotMatchTheirLines() {
        assertThatThrownBy(() -> new DiffHunk(0, 0, 2, 0, 0, List.of("a"), List.of(), DiffHunk.Kind.DELETED,
                false, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CharRange(3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextReplacement(-1, 1, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLargeFileWithOneEditDiffsQuickly() {
        var lines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            lines.append("line ").append(i).append('\n');
        }
        var old = lines.toString();
        var edited = old.replace("line 50000\n", "line fifty thousand\n");

        long start = System.nanoTime();
        var diff = TextDiff.compare(old, edited);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(diff.hunks()).singleElement().satisfies(hunk -> assertThat(hunk.oldStart()).isEqualTo(50_000));
        org.slf4j.LoggerFactory.getLogger(TextDiffTest.class).info("100k-line diff with one edit: {} ms", millis);
    }
}
