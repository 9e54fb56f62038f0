package dev.cyberdevstudio.engine.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FuzzyMatcherTest {

    @Test
    void fileNameMatchRanksBeforeAFolderThatSpellsThePattern() {
        assertThat(ranked("mw", "somewhere/mw/x.txt", "app/src/MainWindow.java"))
                .containsExactly("app/src/MainWindow.java", "somewhere/mw/x.txt");
    }

    @Test
    void highlightsTheCharactersAtSegmentAndCamelCaseStarts() {
        var match = FuzzyMatcher.compile("mwin").match("app/MainWindow.java").orElseThrow();

        // M of Main, then W-i-n of Window rather than the i and n of Main.
        assertThat(match.positions()).containsExactly(4, 8, 9, 10);
    }

    @Test
    void rejectsCharactersOutOfOrderOrMissing() {
        assertThat(FuzzyMatcher.compile("wm").match("MainWindow.java")).isEmpty();
        assertThat(FuzzyMatcher.compile("mwz").match("app/MainWindow.java")).isEmpty();
        assertThat(FuzzyMatcher.compile("q").match("app/MainWindow.java")).isEmpty();
    }

    @Test
    void exactNameBeatsPrefixBeatsScatteredMatch() {
        assertThat(ranked("main", "src/Domain.java", "src/MainWindow.java", "src/Main.java", "x/m/a/i/n.txt"))
                .containsExactly("src/Main.java", "src/MainWindow.java", "src/Domain.java", "x/m/a/i/n.txt");
    }

    @Test
    void shorterPathWinsBetweenEqualNames() {
        assertThat(ranked("readme", "docs/guide/deep/README.md", "README.md", "docs/README.md"))
                .containsExactly("README.md", "docs/README.md", "docs/guide/deep/README.md");
    }

    @Test
    void camelCaseHumpsBeatLettersInsideWords() {
        assertThat(ranked("fm", "src/formatter.java", "src/FuzzyMatcher.java"))
                .containsExactly("src/FuzzyMatcher.java", "src/formatter.java");
    }

    @Test
    void snakeCaseWordsCountAsBoundaries() {
        var match = FuzzyMatcher.compile("tsr").match("lib/test_search_results.py").orElseThrow();

        assertThat(match.positions()).containsExactly(4, 9, 16);
    }

    @Test
    void consecutiveCharactersBeatScatteredOnes() {
        assertThat(ranked("index", "src/InDeepExtra.java", "src/FileIndex.java"))
                .containsExactly("src/FileIndex.java", "src/InDeepExtra.java");
    }

    @Test
    void slashesInThePatternMatchAcrossFolders() {
        assertThat(ranked("shell/mainw", "app/editor/MainWindow.java", "app/shell/MainWindow.java",
                "shell/notes.txt")).containsExactly("app/shell/MainWindow.java");
        var match = FuzzyMatcher.compile("sh/mw").match("app/shell/MainWindow.java").orElseThrow();
        assertThat(match.positions()).containsExactly(4, 5, 9, 10, 14);
    }

    @Test
    void patternSpreadOverFoldersMatchesWithoutSlashes() {
        var match = FuzzyMatcher.compile("engsearch").match("engine/search/FileIndex.java");

        assertThat(match).isPresent();
        assertThat(match.orElseThrow().positions()).containsExactly(0, 1, 2, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void typedUpperCaseFavoursTheSameCase() {
        assertThat(ranked("FI", "src/fileitem.java", "src/FileItem.java"))
                .containsExactly("src/FileItem.java", "src/fileitem.java");
    }

    @Test
    void veryLongPathsAreMatchedGreedily() {
        var longPath = "a/".repeat(3000) + "ZebraTarget.java";
        var match = FuzzyMatcher.compile("zebratarget").match(longPath);

        assertThat(match).isPresent();
        assertThat(match.orElseThrow().positions()).hasSize(11);
        assertThat(FuzzyMatcher.compile("a".repeat(40) + "zz").match(longPath)).isEmpty();
    }

    @Test
    void emptyPatternMatchesEverything() {
        var matcher = FuzzyMatcher.compile("");

        assertThat(matcher.isEmpty()).isTrue();
        assertThat(matcher.match("any/file.txt")).map(FileMatch::positions).hasValueSatisfying(
                positions -> assertThat(positions).isEmpty());
    }

    @Test
    void leadingSlashIsIgnored() {
        assertThat(FuzzyMatcher.compile("/src/main").pattern()).isEqualTo("src/main");
    }

    @Test
    void fileMatchSplitsNameAndFolder() {
        var match = FuzzyMatcher.compile("x").match("a/b/x.txt").orElseThrow();

        assertThat(match.name()).isEqualTo("x.txt");
        assertThat(match.folder()).isEqualTo("a/b");
        assertThat(FuzzyMatcher.compile("x").match("x.txt").orElseThrow().folder()).isEmpty();
        assertThat(match).isEqualTo(FuzzyMatcher.compile("x").match("a/b/x.txt").orElseThrow());
        assertThat(match.toString()).contains("a/b/x.txt");
    }

    @Test
    void queryParsesALineAndColumnSuffix() {
        assertThat(QuickOpenQuery.parse("MainWin:42"))
                .isEqualTo(new QuickOpenQuery("MainWin", OptionalInt.of(42), OptionalInt.empty()));
        assertThat(QuickOpenQuery.parse(" main window:7:3 "))
                .isEqualTo(new QuickOpenQuery("mainwindow", OptionalInt.of(7), OptionalInt.of(3)));
        assertThat(QuickOpenQuery.parse("src\\a.txt"))
                .isEqualTo(new QuickOpenQuery("src/a.txt", OptionalInt.empty(), OptionalInt.empty()));
        assertThat(QuickOpenQuery.parse(":0").line()).hasValue(1);
        assertThat(QuickOpenQuery.parse("a:b").pattern()).isEqualTo("a:b");
    }

    private static List<String> ranked(String pattern, String... paths) {
        var matcher = FuzzyMatcher.compile(pattern);
        return Arrays.stream(paths).map(matcher::match).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(FileMatch::score).reversed()
                        .thenComparingInt(match -> match.path().length()))
                .map(FileMatch::path).toList();
    }
}
