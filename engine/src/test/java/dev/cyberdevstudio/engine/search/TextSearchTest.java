package dev.cyberdevstudio.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSearchTest {

    @TempDir
    Path project;

    private final List<List<TextMatch>> reported = new CopyOnWriteArrayList<>();

    @Test
    void findsLiteralTextInAnyCaseWithLineColumnAndRanges() throws Exception {
        write("src/A.java", "class A {\n    // todo: one\n    int todo = 1; // TODO two\n}\n");
        write("src/B.java", "class B {}\n");
        write("notes.txt", "ToDo\n");

        var summary = search(SearchQuery.of("todo"));

        assertThat(summary.outcome()).isEqualTo(SearchSummary.Outcome.COMPLETED);
        assertThat(summary.describe()).isEqualTo("4 matches in 2 files");
        assertThat(summary.searched()).isEqualTo(3);
        var lines = matches();
        assertThat(lines).extracting(TextMatch::relativePath, TextMatch::line, TextMatch::column).containsExactly(
                tuple("notes.txt", 1, 1),
                tuple("src/A.java", 2, 8),
                tuple("src/A.java", 3, 9));
        var third = lines.get(2);
        assertThat(third.lineText()).isEqualTo("    int todo = 1; // TODO two");
        assertThat(third.ranges()).containsExactly(new MatchRange(8, 12), new MatchRange(21, 25));
        assertThat(third.file()).isEqualTo(project.resolve("src/A.java"));
    }

    @Test
    void matchCaseAndWholeWordNarrowTheMatches() throws Exception {
        write("a.txt", "Index index indexes reindex INDEX\n");

        assertThat(search(SearchQuery.of("index").withMatchCase(true)).matches()).isEqualTo(3);
        assertThat(search(SearchQuery.of("index").withWholeWord(true)).matches()).isEqualTo(3);
        assertThat(search(SearchQuery.of("index").withWholeWord(true).withMatchCase(true)).matches()).isEqualTo(1);
    }

    @Test
    void regularExpressionsMatchAndLiteralTextIsNotOne() throws Exception {
        write("a.txt", "call(1); call(22); caller();\nnothing here\n");

        var regex = search(SearchQuery.of("call\\(\\d+\\)").withRegex(true));
        assertThat(regex.matches()).isEqualTo(2);
        assertThat(matches().getFirst().ranges()).containsExactly(new MatchRange(0, 7), new MatchRange(9, 17));

        reported.clear();
        assertThat(search(SearchQuery.of("call(").withRegex(false)).matches()).isEqualTo(2);
        assertThat(search(SearchQuery.of("^nothing").withRegex(true)).matches()).isEqualTo(1);
    }

    @Test
    void aBadRegularExpressionSaysWhatIsWrong() throws Exception {
        write("a.txt", "x\n");
        var query = SearchQuery.of("call(").withRegex(true);

        assertThat(query.problem()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("Bad regular expression: Unclosed group"));
        var summary = search(query);
        assertThat(summary.outcome()).isEqualTo(SearchSummary.Outcome.INVALID);
        assertThat(summary.describe()).startsWith("Bad regular expression");
        assertThat(SearchQuery.of("").problem()).hasValue("Type something to search for");
        assertThat(SearchQuery.of("x").withInclude("src/{a,b").problem()).hasValueSatisfying(message ->
                assertThat(message).startsWith("Bad file pattern").contains("'{' is not closed"));
        assertThat(SearchQuery.of("x").withInclude("[ab").problem()).isPresent();
        assertThat(reported).isEmpty();
    }

    @Test
    void includeAndExcludeGlobsPickTheFiles() throws Exception {
        for (var file : List.of("src/main/App.java", "src/main/app.py", "src/test/AppTest.java", "tools/gen.py",
                "docs/readme.md", "docs/deep/more.md", "lib/b.kt")) {
            write(file, "needle\n");
        }

        assertThat(filesFound(SearchQuery.of("needle").withInclude("**/*.py"))).containsExactly("src/main/app.py",
                "tools/gen.py");
        assertThat(filesFound(SearchQuery.of("needle").withInclude("src/**"))).containsExactly("src/main/App.java",
                "src/main/app.py", "src/test/AppTest.java");
        assertThat(filesFound(SearchQuery.of("needle").withInclude("*.java, docs").withExclude("*Test.java")))
                .containsExactly("docs/deep/more.md", "docs/readme.md", "src/main/App.java");
        assertThat(filesFound(SearchQuery.of("needle").withInclude("*.{kt,md}").withExclude("docs/deep/")))
                .containsExactly("docs/readme.md", "lib/b.kt");
        assertThat(filesFound(SearchQuery.of("needle").withExclude("src, ./tools/*.py")))
                .containsExactly("docs/deep/more.md", "docs/readme.md", "lib/b.kt");
        assertThat(filesFound(SearchQuery.of("needle").withInclude("src/main/App.jav?")))
                .containsExactly("src/main/App.java");
        assertThat(filesFound(SearchQuery.of("needle").withInclude("lib/[!a]*.kt"))).containsExactly("lib/b.kt");
    }

    @Test
    void skipsBinaryAndLargeFilesAndSaysSo() throws Exception {
        write("text.txt", "needle\n");
        Files.write(project.resolve("image.bin"), new byte[] {'n', 'e', 'e', 'd', 'l', 'e', 0, 1, 2});
        write("big.txt", "needle " + "x".repeat(5000) + "\n");

        var summary = search(SearchQuery.of("needle").withLimits(100, 1024));

        assertThat(summary.matches()).isEqualTo(1);
        assertThat(summary.skippedBinary()).isEqualTo(1);
        assertThat(summary.skippedLarge()).isEqualTo(1);
        assertThat(summary.describe())
                .isEqualTo("1 match in 1 file (1 binary file skipped, 1 file over 1 KB skipped)");
    }

    @Test
    void stopsReportingAtTheMaximumButCountsTheRest() throws Exception {
        write("a.txt", "hit hit\nhit\n");
        write("b.txt", "hit\nhit hit hit\nhit\n");

        var summary = search(SearchQuery.of("hit").withLimits(4, SearchQuery.DEFAULT_MAX_FILE_SIZE));

        assertThat(summary.matches()).isEqualTo(8);
        assertThat(summary.shown()).isEqualTo(4);
        assertThat(summary.notShown()).isEqualTo(4);
        assertThat(summary.describe()).isEqualTo("8 matches in 2 files (4 more not shown)");
        assertThat(matches().stream().mapToInt(match -> match.ranges().size()).sum()).isEqualTo(4);
    }

    @Test
    void cancellingStopsTheSearch() throws Exception {
        var files = new ArrayList<String>();
        for (var i = 0; i < 200; i++) {
            files.add(write("f" + i + ".txt", "match\n"));
        }
        var firstFile = new CountDownLatch(1);
        var goOn = new CountDownLatch(1);
        var handle = TextSearch.start(project, files, SearchQuery.of("match"), found -> {
            reported.add(found);
            firstFile.countDown();
            try {
                goOn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(firstFile.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handle.isRunning()).isTrue();
        handle.cancel();
        goOn.countDown();

        var summary = handle.done().get(10, TimeUnit.SECONDS);

        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.isRunning()).isFalse();
        assertThat(summary.outcome()).isEqualTo(SearchSummary.Outcome.CANCELLED);
        assertThat(summary.searched()).isLessThan(200);
        assertThat(reported).hasSize(1);
        assertThat(summary.describe()).startsWith("search stopped: cancelled after");
    }

    @Test
    void countsLinesOfEveryLineBreakStyleAndCutsLongLines() throws Exception {
        write("crlf.txt", "one\r\ntwo\r\n\r\nfind me\rold mac find\nlast find");
        write("long.txt", "x".repeat(1000) + "find" + "y".repeat(1000));

        search(SearchQuery.of("find"));

        var lines = matches();
        assertThat(lines).extracting(TextMatch::relativePath, TextMatch::line).containsExactly(
                tuple("crlf.txt", 4), tuple("crlf.txt", 5),
                tuple("crlf.txt", 6), tuple("long.txt", 1));
        var longLine = lines.getLast();
        assertThat(longLine.column()).isEqualTo(1001);
        assertThat(longLine.lineText()).hasSize(TextSearch.MAX_LINE_TEXT);
        var range = longLine.ranges().getFirst();
        assertThat(longLine.lineText().substring(range.start(), range.end())).isEqualTo("find");
    }

    @Test
    void aMatchAcrossLinesShowsOnItsFirstLineOnly() throws Exception {
        write("a.txt", "alpha\nbeta\n");

        search(SearchQuery.of("a\\s+b").withRegex(true));

        assertThat(matches()).singleElement().satisfies(match -> {
            assertThat(match.line()).isEqualTo(1);
            assertThat(match.ranges()).containsExactly(new MatchRange(4, 5));
        });
        reported.clear();
        assertThat(search(SearchQuery.of("\\n").withRegex(true)).matches()).isZero();
        assertThat(search(SearchQuery.of("^").withRegex(true)).describe()).isEqualTo("no matches");
    }

    @Test
    void searchesTheFilesOfAnIndexAndCountsUnreadableOnes() throws Exception {
        write("src/a.txt", "needle\n");
        write("node_modules/x.js", "needle\n");
        try (var index = FileIndex.build(project)) {
            var summary = TextSearch.start(index, SearchQuery.of("needle"), reported::add).done()
                    .get(10, TimeUnit.SECONDS);
            assertThat(summary.matches()).isEqualTo(1);
        }
        var summary = TextSearch.start(project, List.of("missing.txt"), SearchQuery.of("needle"), reported::add)
                .done().get(10, TimeUnit.SECONDS);
        assertThat(summary.unreadable()).isEqualTo(1);
        assertThat(summary.describe()).isEqualTo("no matches (1 file unreadable)");
    }

    private SearchSummary search(SearchQuery query) throws Exception {
        try (var files = Files.walk(project)) {
            var relative = files.filter(Files::isRegularFile).map(file -> project.relativize(file).toString())
                    .sorted().toList();
            return TextSearch.start(project, relative, query, reported::add).done().get(10, TimeUnit.SECONDS);
        }
    }

    private List<String> filesFound(SearchQuery query) throws Exception {
        reported.clear();
        search(query);
        return matches().stream().map(TextMatch::relativePath).distinct().sorted().toList();
    }

    private List<TextMatch> matches() {
        return reported.stream().flatMap(List::stream).toList();
    }

    private String write(String relative, String text) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return relative;
    }
}
