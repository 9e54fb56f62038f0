package dev.cyberdevstudio.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.files.FileStamp;
import dev.cyberdevstudio.engine.files.LineSeparator;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextEncoding;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.junit.jupiter.api.Test;

class FindReplaceViewModelTest {

    private final FakeEditorDialogs dialogs = new FakeEditorDialogs();

    @Test
    void countsMatchesIgnoringCaseByDefault() {
        var find = findIn("Foo foo FOO food");

        find.queryProperty().set("foo");

        assertThat(find.matchCountProperty().get()).isEqualTo(4);
    }

    @Test
    void matchCaseCountsOnlyExactCase() {
        var find = findIn("Foo foo FOO food");

        find.matchCaseProperty().set(true);
        find.queryProperty().set("foo");

        assertThat(find.matchCountProperty().get()).isEqualTo(2);
    }

    @Test
    void wholeWordSkipsMatchesInsideWords() {
        var find = findIn("foo food _foo foo_bar (foo) foo");

        find.wholeWordProperty().set(true);
        find.queryProperty().set("foo");

        assertThat(find.matchCountProperty().get()).isEqualTo(3);
    }

    @Test
    void regexMatchesAcrossTheText() {
        var find = findIn("a1 b22 c333\nd4444");

        find.regexProperty().set(true);
        find.queryProperty().set("\\d{2,}");

        assertThat(find.matchCountProperty().get()).isEqualTo(3);
        assertThat(find.statusProperty().get()).isEqualTo("1 of 3");
    }

    @Test
    void regexAnchorsWorkPerLineAndEmptyMatchesAreSkipped() {
        var find = findIn("alpha\nbeta\nalpha beta");

        find.regexProperty().set(true);
        find.queryProperty().set("^alpha");
        assertThat(find.matchCountProperty().get()).isEqualTo(2);

        find.queryProperty().set("x*");
        assertThat(find.matchCountProperty().get()).isZero();
        assertThat(find.statusProperty().get()).isEqualTo("No results");
    }

    @Test
    void specialCharactersAreLiteralWithoutRegex() {
        var find = findIn("a.b axb a.b");

        find.queryProperty().set("a.b");

        assertThat(find.matchCountProperty().get()).isEqualTo(2);
    }

    @Test
    void reportsAnInvalidExpression() {
        var find = findIn("text");

        find.regexProperty().set(true);
        find.queryProperty().set("(unclosed");

        assertThat(find.matchCountProperty().get()).isZero();
        assertThat(find.statusProperty().get()).startsWith("Invalid regular expression: ");
    }

    @Test
    void anEmptyQueryMatchesNothingAndSaysNothing() {
        var find = findIn("text");

        find.queryProperty().set("x");
        find.queryProperty().set("");

        assertThat(find.matchCountProperty().get()).isZero();
        assertThat(find.statusProperty().get()).isEmpty();
        find.next();
        assertThat(find.replaceAll()).isZero();
    }

    @Test
    void typingAQuerySelectsTheFirstMatchFromTheCaret() {
        var document = document("one two one two");
        document.select(5, 5);

        document.find().queryProperty().set("one");

        assertThat(document.selection()).isEqualTo(new TextSelection(8, 11));
        assertThat(document.find().currentMatchProperty().get()).isEqualTo(2);
        assertThat(document.find().statusProperty().get()).isEqualTo("2 of 2");
    }

    @Test
    void nextAndPreviousWrapAround() {
        var document = document("ab ab ab");
        var find = document.find();
        find.queryProperty().set("ab");
        assertThat(document.selection()).isEqualTo(new TextSelection(0, 2));

        find.next();
        assertThat(document.selection()).isEqualTo(new TextSelection(3, 5));
        find.next();
        find.next();
        assertThat(document.selection()).as("wraps to the first").isEqualTo(new TextSelection(0, 2));
        find.previous();
        assertThat(document.selection()).as("wraps to the last").isEqualTo(new TextSelection(6, 8));
        find.previous();
        assertThat(document.selection()).isEqualTo(new TextSelection(3, 5));
        assertThat(find.statusProperty().get()).isEqualTo("2 of 3");
    }

    @Test
    void movingTheCaretAwayFromAMatchShowsTheCount() {
        var document = document("ab ab");
        document.find().queryProperty().set("ab");

        document.select(2, 2);

        assertThat(document.find().currentMatchProperty().get()).isZero();
        assertThat(document.find().statusProperty().get()).isEqualTo("2 results");
    }

    @Test
    void recountsAfterTheTextChangesWhileTheBarIsOpen() {
        var document = document("cat");
        var find = document.find();
        find.open(false);
        find.queryProperty().set("cat");
        assertThat(find.matchCountProperty().get()).isEqualTo(1);

        typeAt(document, 3, " cat");

        assertThat(find.matchCountProperty().get()).isEqualTo(2);
    }

    @Test
    void nextAfterAnEditWithTheBarClosedSearchesTheNewText() {
        var document = document("cat");
        var find = document.find();
        find.queryProperty().set("cat");
        document.replace(0, 0, "dog ");

        find.next();

        assertThat(document.selection()).isEqualTo(new TextSelection(4, 7));
        assertThat(find.matchCountProperty().get()).isEqualTo(1);
    }

    @Test
    void openTakesASelectionOnOneLineAsTheQuery() {
        var document = document("hello world\nhello");
        document.select(0, 5);

        document.find().open(true);

        assertThat(document.find().queryProperty().get()).isEqualTo("hello");
        assertThat(document.find().visibleProperty().get()).isTrue();
        assertThat(document.find().replaceVisibleProperty().get()).isTrue();
        assertThat(document.find().matchCountProperty().get()).isEqualTo(2);

        document.find().close();
        assertThat(document.find().visibleProperty().get()).isFalse();
        assertThat(document.find().replaceVisibleProperty().get()).isFalse();
    }

    @Test
    void openQuotesTheSelectionInRegexMode() {
        var document = document("a+b a+b");
        document.find().regexProperty().set(true);
        document.select(0, 3);

        document.find().open(false);

        assertThat(document.find().queryProperty().get()).isEqualTo(Pattern.quote("a+b"));
        assertThat(document.find().matchCountProperty().get()).isEqualTo(2);
    }

    @Test
    void replaceOneSelectsAMatchFirstThenReplacesItAndMovesOn() {
        var document = document("x cat cat");
        var find = document.find();
        find.queryProperty().set("cat");
        document.select(0, 0);
        find.replacementProperty().set("dog");

        find.replaceOne();
        assertThat(document.text()).as("nothing replaced before a match is selected").isEqualTo("x cat cat");
        assertThat(document.selection()).isEqualTo(new TextSelection(2, 5));

        find.replaceOne();
        assertThat(document.text()).isEqualTo("x dog cat");
        assertThat(document.selection()).isEqualTo(new TextSelection(6, 9));
        assertThat(find.matchCountProperty().get()).isEqualTo(1);

        find.replaceOne();
        assertThat(document.text()).isEqualTo("x dog dog");
        assertThat(find.statusProperty().get()).isEqualTo("No results");
    }

    @Test
    void replaceOneExpandsGroupsInRegexMode() {
        var document = document("key=value");
        var find = document.find();
        find.regexProperty().set(true);
        find.queryProperty().set("(\\w+)=(\\w+)");
        find.replacementProperty().set("$2=$1");

        find.replaceOne();

        assertThat(document.text()).isEqualTo("value=key");
    }

    @Test
    void replaceAllReplacesEveryMatchAsOneUndoableChange() {
        var document = document("a-1 b-2 c-3 plain");
        var find = document.find();
        find.regexProperty().set(true);
        find.queryProperty().set("(\\w)-(\\d)");
        find.replacementProperty().set("$2$1");

        assertThat(find.replaceAll()).isEqualTo(3);

        assertThat(document.text()).isEqualTo("1a 2b 3c plain");
        assertThat(find.statusProperty().get()).isEqualTo("Replaced 3 matches");
        document.undo();
        assertThat(document.text()).isEqualTo("a-1 b-2 c-3 plain");
    }

    @Test
    void replaceAllTakesTheReplacementLiterallyWithoutRegex() {
        var document = document("cost: X, X");
        var find = document.find();
        find.queryProperty().set("X");
        find.replacementProperty().set("$5\\");

        assertThat(find.replaceAll()).isEqualTo(2);

        assertThat(document.text()).isEqualTo("cost: $5\\, $5\\");
    }

    @Test
    void replaceAllWithNoMatchesChangesNothing() {
        var document = document("abc");
        document.find().queryProperty().set("z");

        assertThat(document.find().replaceAll()).isZero();

        assertThat(document.isDirty()).isFalse();
        assertThat(document.find().statusProperty().get()).isEqualTo("No results");
    }

    @Test
    void reportsAnInvalidReplacement() {
        var document = document("abc abc");
        var find = document.find();
        find.regexProperty().set(true);
        find.queryProperty().set("abc");
        find.replacementProperty().set("$3");

        assertThat(find.replaceAll()).isZero();
        assertThat(find.statusProperty().get()).startsWith("Invalid replacement: ");
        find.replaceOne();
        assertThat(find.statusProperty().get()).startsWith("Invalid replacement: ");
        assertThat(document.text()).isEqualTo("abc abc");
    }

    @Test
    void refusesToReplaceInAReadOnlyDocument() {
        var document = DocumentViewModel.ofText(loaded("abc"), true, new CurrentThreadTaskExecutor(), dialogs);
        var find = document.find();
        find.queryProperty().set("abc");

        find.open(true);
        assertThat(find.replaceVisibleProperty().get()).isFalse();
        assertThat(find.replaceAll()).isZero();
        find.replaceOne();

        assertThat(find.statusProperty().get()).isEqualTo("The file is read-only");
        assertThat(document.text()).isEqualTo("abc");
    }

    @Test
    void searchesALargeTextInTheBackgroundAndCountsInOnePass() {
        var executor = new CountingExecutor();
        var text = "lorem ipsum dolor sit amet\n".repeat(20_000);
        var document = DocumentViewModel.ofText(loaded(text), false, executor, dialogs);
        assertThat(text.length()).isGreaterThan(FindReplaceViewModel.LARGE_TEXT);
        int loading = executor.submitted;

        document.find().queryProperty().set("dolor");

        assertThat(executor.submitted - loading).isEqualTo(1);
        assertThat(document.find().matchCountProperty().get()).isEqualTo(20_000);
        assertThat(document.selection()).isEqualTo(new TextSelection(12, 17));
    }

    @Test
    void recountsALargeTextOnlyAfterTypingPauses() {
        var executor = new CountingExecutor();
        var document = DocumentViewModel.ofText(loaded("dolor\n".repeat(50_000)), false, executor, dialogs);
        var find = document.find();
        find.open(false);
        find.queryProperty().set("dolor");
        int before = executor.submitted;

        typeAt(document, 0, "dolor\n");

        assertThat(executor.submitted - before).as("a pause, then the search").isEqualTo(2);
        assertThat(find.matchCountProperty().get()).isEqualTo(50_001);
    }

    /** Changes the text the way the editor area does, past the view model's own edit methods. */
    private static void typeAt(DocumentViewModel document, int offset, String text) {
        document.document().replace(offset, offset,
                ReadOnlyStyledDocument.fromString(text, List.of(), List.of(), SegmentOps.styledTextOps()));
    }

    private FindReplaceViewModel findIn(String text) {
        return document(text).find();
    }

    private DocumentViewModel document(String text) {
        return DocumentViewModel.ofText(loaded(text), false, new CurrentThreadTaskExecutor(), dialogs);
    }

    private static LoadResult.Text loaded(String text) {
        return new LoadResult.Text(Path.of("/nowhere/test.txt"), text, TextEncoding.UTF_8, LineSeparator.LF,
                new FileStamp(text.length(), Instant.EPOCH));
    }

    /** Runs work inline like the real thing would on another thread, counting how often background work is asked. */
    private static final class CountingExecutor implements TaskExecutor {
        private final CurrentThreadTaskExecutor inline = new CurrentThreadTaskExecutor();
        private int submitted;

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            submitted++;
            return inline.submit(work);
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }
    }
}
