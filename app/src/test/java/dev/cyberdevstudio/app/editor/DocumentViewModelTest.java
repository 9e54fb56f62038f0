package dev.cyberdevstudio.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.files.FileStamp;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentViewModelTest {

    @TempDir
    Path folder;

    private final FakeEditorDialogs dialogs = new FakeEditorDialogs();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void goesToALineAndColumn() throws IOException {
        var document = open("one\ntwo\nthree\n");

        assertThat(document.goToLine("3:2")).isTrue();

        assertThat(document.selection()).isEqualTo(TextSelection.at(9));
        assertThat(document.caretLineProperty().get()).isEqualTo(3);
        assertThat(document.caretColumnProperty().get()).isEqualTo(2);
        assertThat(document.noticeProperty().get()).isEmpty();
    }

    @Test
    void goesToTheStartOfALineWithoutAColumn() throws IOException {
        var document = open("one\ntwo\n");

        document.goToLine(" 2 ");

        assertThat(document.selection()).isEqualTo(TextSelection.at(4));
    }

    @Test
    void clampsALinePastTheEndAndSaysSo() throws IOException {
        var document = open("one\ntwo\nthree");

        document.goToLine("500");

        assertThat(document.caretLineProperty().get()).isEqualTo(3);
        assertThat(document.noticeProperty().get())
                .isEqualTo("Line 500 is past the end: went to line 3, the last line.");

        document.dismissNotice();
        assertThat(document.noticeProperty().get()).isEmpty();
    }

    @Test
    void clampsLineZeroToTheFirstLine() throws IOException {
        var document = open("one\ntwo");
        document.goToLine("2");

        document.goToLine("0");

        assertThat(document.caretLineProperty().get()).isEqualTo(1);
        assertThat(document.noticeProperty().get()).isEqualTo("Lines start at 1: went to line 1.");
    }

    @Test
    void clampsAColumnPastTheEndOfTheLine() throws IOException {
        var document = open("one\ntwo");

        document.goToLine("1:99");

        assertThat(document.selection()).isEqualTo(TextSelection.at(3));
        assertThat(document.caretColumnProperty().get()).isEqualTo(4);
        assertThat(document.noticeProperty().get()).isEqualTo("Line 1 has 3 characters: went to its end.");
    }

    @Test
    void clampsColumnZeroToTheStartOfTheLine() throws IOException {
        var document = open("one\ntwo");

        document.goToLine("2:0");

        assertThat(document.selection()).isEqualTo(TextSelection.at(4));
        assertThat(document.noticeProperty().get()).isEqualTo("Columns start at 1: went to the start of line 2.");
    }

    @Test
    void rejectsInputThatIsNotALineNumber() throws IOException {
        var document = open("one\ntwo");
        document.goToLine("2");

        assertThat(document.goToLine("two")).isFalse();
        assertThat(document.goToLine("99999999999")).isFalse();

        assertThat(document.caretLineProperty().get()).isEqualTo(2);
        assertThat(document.noticeProperty().get()).isEqualTo("\"99999999999\" is not a line number: type 42 or 42:7.");
    }

    @Test
    void asksForTheLineThroughTheDialogs() throws IOException {
        var document = open("a\nb\nc");
        dialogs.lineAnswers.add(Optional.of("3"));
        dialogs.lineAnswers.add(Optional.empty());

        document.goToLine();
        document.goToLine();

        assertThat(dialogs.asked).containsExactly("line 1/3", "line 3/3");
        assertThat(document.caretLineProperty().get()).isEqualTo(3);
    }

    @Test
    void clampsSelectionsToTheText() throws IOException {
        var document = open("abc");

        document.select(-4, 99);

        assertThat(document.selection()).isEqualTo(new TextSelection(0, 3));
        assertThat(document.selection().start()).isZero();
        assertThat(document.selection().end()).isEqualTo(3);
        assertThat(document.selection().isEmpty()).isFalse();
    }

    @Test
    void keepsTheSelectionInsideTheTextWhenTextIsRemoved() throws IOException {
        var document = open("abcdef");
        document.select(6, 6);

        typeAt(document, 0, 6, "");

        assertThat(document.selection()).isEqualTo(TextSelection.at(0));
    }

    @Test
    void groupsQuickTypingIntoOneUndoStep() throws IOException {
        var document = open("");
        nanos.set(1_000_000_000L);
        typeAt(document, 0, 0, "a");
        nanos.addAndGet(100_000_000L);
        typeAt(document, 1, 1, "b");
        nanos.addAndGet(100_000_000L);
        typeAt(document, 2, 2, "c");

        document.undo();

        assertThat(document.text()).isEmpty();
    }

    @Test
    void aPauseInTypingStartsANewUndoStep() throws IOException {
        var document = open("");
        nanos.set(1_000_000_000L);
        typeAt(document, 0, 0, "a");
        nanos.addAndGet(100_000_000L);
        typeAt(document, 1, 1, "b");
        nanos.addAndGet(2_000_000_000L);
        typeAt(document, 2, 2, "c");

        document.undo();
        assertThat(document.text()).isEqualTo("ab");
        document.undo();
        assertThat(document.text()).isEmpty();
        assertThat(document.undo()).isFalse();
    }

    @Test
    void savingWithNothingChangedWritesNothing() throws IOException {
        var document = open("same");
        var file = document.path();
        Files.writeString(file, "changed behind our back");

        assertThat(document.save().toCompletableFuture().join()).isTrue();

        assertThat(Files.readString(file)).isEqualTo("changed behind our back");
    }

    @Test
    void theLatestSaveWinsOverAnEarlierOneThatHasNotWrittenYet() throws IOException {
        var executor = new HeldExecutor();
        var file = Files.writeString(folder.resolve("race.txt"), "v0");
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);
        typeAt(document, 2, 2, "-1");
        var first = document.save();
        typeAt(document, 4, 4, "-2");
        var second = document.save();

        executor.runAll();

        assertThat(first.toCompletableFuture().join()).isTrue();
        assertThat(second.toCompletableFuture().join()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("v0-1-2");
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void aDiskCheckDuringASaveWaitsForTheSave() throws IOException {
        var executor = new HeldExecutor();
        var file = Files.writeString(folder.resolve("wait.txt"), "v0");
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);
        typeAt(document, 2, 2, "-mine");
        document.save();

        document.checkDisk();
        executor.runAll();

        assertThat(dialogs.asked).as("our own write is not a change made by someone else").isEmpty();
        assertThat(Files.readString(file)).isEqualTo("v0-mine");
    }

    @Test
    void reportsDuringTheReloadQuestionDoNotAskASecondTime() throws IOException {
        var document = open("disk");
        typeAt(document, 4, 4, " mine");
        Files.writeString(document.path(), "changed on disk");
        dialogs.whileAskingAboutReload = () -> {
            dialogs.whileAskingAboutReload = () -> { };
            document.checkDisk();
        };
        dialogs.reloadAnswers.add(EditorDialogs.ReloadChoice.KEEP_MINE);

        document.checkDisk();

        assertThat(dialogs.asked).containsExactly("reload doc.txt");
        assertThat(document.text()).isEqualTo("disk mine");
    }

    @Test
    void aChangeOnDiskDuringTheQuestionIsAskedAboutAfterwards() throws IOException {
        var document = open("disk");
        typeAt(document, 4, 4, " mine");
        Files.writeString(document.path(), "changed on disk");
        dialogs.whileAskingAboutReload = () -> {
            dialogs.whileAskingAboutReload = () -> { };
            try {
                Files.writeString(document.path(), "changed again, and longer");
            } catch (IOException error) {
                throw new AssertionError(error);
            }
            document.checkDisk();
        };
        dialogs.reloadAnswers.add(EditorDialogs.ReloadChoice.KEEP_MINE);
        dialogs.reloadAnswers.add(EditorDialogs.ReloadChoice.RELOAD);

        document.checkDisk();

        assertThat(dialogs.asked).containsExactly("reload doc.txt", "reload doc.txt");
        assertThat(document.text()).isEqualTo("changed again, and longer");
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void typingWhileACleanDocumentReloadsAsksBeforeReplacingIt() throws IOException {
        var executor = new HeldExecutor();
        var file = Files.writeString(folder.resolve("typing.txt"), "v0");
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);
        Files.writeString(file, "v1 from disk");
        document.checkDisk();
        executor.runNext();
        typeAt(document, 2, 2, " typed");
        dialogs.reloadAnswers.add(EditorDialogs.ReloadChoice.KEEP_MINE);

        executor.runAll();

        assertThat(dialogs.asked).containsExactly("reload typing.txt");
        assertThat(document.text()).isEqualTo("v0 typed");
        document.checkDisk();
        executor.runAll();
        assertThat(dialogs.asked).hasSize(1);
    }

    @Test
    void aReloadThatFindsABinaryFileKeepsTheTextAndSaysWhy() throws IOException {
        var document = open("text");
        Files.write(document.path(), new byte[] {0, 1, 2, 3, 4, 5});

        document.checkDisk();

        assertThat(document.text()).isEqualTo("text");
        assertThat(document.noticeProperty().get()).contains("changed on disk into a binary file");
    }

    @Test
    void aReloadThatFailsKeepsTheTextAndSaysWhy() throws IOException {
        var document = open("text");
        Files.delete(document.path());
        Files.createDirectory(document.path());

        document.reload();

        assertThat(document.text()).isEqualTo("text");
        assertThat(document.noticeProperty().get()).isEqualTo(
                "Cannot open " + document.path() + ": it is a folder, not a file.");
    }

    @Test
    void aBinaryDocumentIgnoresChangesOnDisk() throws IOException {
        var file = Files.write(folder.resolve("b.bin"), new byte[] {0, 1, 2});
        var binary = (LoadResult.Binary) TextFiles.load(file, LoadMode.NORMAL);
        var document = DocumentViewModel.ofBinary(binary, new CurrentThreadTaskExecutor(), dialogs);
        Files.write(file, new byte[] {0, 1, 2, 3});

        document.checkDisk();

        assertThat(document.binaryNotice()).contains("b.bin is a binary file (3 B) and is not shown.");
        assertThat(document.stamp()).isEqualTo(FileStamp.of(file));
        assertThat(dialogs.asked).isEmpty();
    }

    private DocumentViewModel open(String text) throws IOException {
        var file = Files.writeString(folder.resolve("doc.txt"), text);
        return DocumentViewModel.ofText(load(file), false, new CurrentThreadTaskExecutor(), dialogs, nanos::get);
    }

    private static LoadResult.Text load(Path file) {
        return (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
    }

    private static void typeAt(DocumentViewModel document, int start, int end, String text) {
        document.document().replace(start, end,
                ReadOnlyStyledDocument.fromString(text, List.of(), List.of(), SegmentOps.styledTextOps()));
    }

    /** Holds background work until told to run it, in order, to play out a race deterministically. */
    private static final class HeldExecutor implements TaskExecutor {
        private final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            var future = new CompletableFuture<T>();
            held.add(() -> {
                try {
                    future.complete(work.call());
                } catch (Exception error) {
                    future.completeExceptionally(error);
                }
            });
            return future;
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        void runNext() {
            held.removeFirst().run();
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.removeFirst().run();
            }
        }
    }
}
