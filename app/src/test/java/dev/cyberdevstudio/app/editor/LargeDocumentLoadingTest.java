package dev.cyberdevstudio.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large file shows its first lines at once and the rest goes in in chunks: the document stays consistent, clean,
 * read-only and out of the undo history until the last chunk is in. The UI thread is played by the test thread,
 * which runs the UI tasks one at a time and looks at the document in between.
 */
class LargeDocumentLoadingTest {

    @TempDir
    Path folder;

    private final FakeEditorDialogs dialogs = new FakeEditorDialogs();
    private final SteppedUi executor = new SteppedUi();

    @AfterEach
    void stop() throws InterruptedException {
        // Nothing of a test's fill may outlive it: later tests share the JVM and its virtual-thread carriers.
        executor.runRemainingUiTasks();
        executor.background.shutdownNow();
        assertThat(executor.background.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String lines(int count) {
        var text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append("line ").append(i).append(" of the file, with some words on it\n");
        }
        return text.toString();
    }

    @Test
    void showsTheFirstLinesAtOnceAndAppendsTheRestCleanlyAndOutOfTheUndoHistory() throws Exception {
        var text = lines(30_000);
        var file = Files.writeString(folder.resolve("big.txt"), text);
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);
        var everDirty = new ArrayList<Boolean>();
        document.dirtyProperty().addListener((observable, was, is) -> everDirty.add(is));

        assertThat(document.document().getParagraphs()).hasSize(DocumentViewModel.HEAD_LINES);
        assertThat(document.isLoading()).isTrue();
        assertThat(document.isReadOnly()).isTrue();
        assertThat(document.text()).isEqualTo(text);
        assertThat(document.lineCount()).isEqualTo(30_001);
        assertThat(document.replace(0, 0, "typed while loading")).isFalse();
        document.goTo(25_000, 6);

        int chunks = 0;
        while (document.isLoading()) {
            executor.runNextUiTask();
            chunks++;
            assertThat(document.text()).isEqualTo(text);
        }

        assertThat(chunks).isGreaterThan(3);
        assertThat(document.document().getText()).isEqualTo(text);
        assertThat(document.document().getParagraphs()).hasSize(30_001);
        assertThat(document.isReadOnly()).isFalse();
        assertThat(document.isDirty()).isFalse();
        assertThat(everDirty).doesNotContain(true);
        assertThat(document.titleProperty().get()).isEqualTo("big.txt");
        assertThat(document.undoAvailableProperty().getValue()).isFalse();
        assertThat(document.caretLineProperty().get()).isEqualTo(25_000);
        assertThat(document.caretColumnProperty().get()).isEqualTo(6);

        assertThat(document.replace(0, 4, "LINE")).isTrue();
        assertThat(document.isDirty()).isTrue();
        assertThat(document.undo()).isTrue();
        assertThat(document.undo()).isFalse();
        assertThat(document.text()).isEqualTo(text);
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void aReloadAskedForWhileLoadingWaitsForTheFillAndThenReadsTheChangedFile() throws Exception {
        var text = lines(30_000);
        var file = Files.writeString(folder.resolve("big.txt"), text);
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);
        Files.writeString(file, "changed on disk\n" + text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));

        document.reload();
        document.checkDisk();
        while (document.isLoading()) {
            executor.runNextUiTask();
        }
        assertThat(document.document().getText()).isEqualTo(text);
        executor.runRemainingUiTasks();

        assertThat(document.text()).isEqualTo("changed on disk\n" + text);
        assertThat(document.document().getText()).isEqualTo("changed on disk\n" + text);
        assertThat(document.isDirty()).isFalse();
    }

    @Test
    void closingWhileLoadingStopsTheFill() throws Exception {
        var file = Files.writeString(folder.resolve("big.txt"), lines(30_000));
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);

        executor.runNextUiTask();
        int paragraphs = document.document().getParagraphs().size();
        document.dispose();
        executor.runRemainingUiTasks();

        assertThat(document.document().getParagraphs()).hasSize(paragraphs);
        assertThat(document.isLoading()).isTrue();
    }

    @Test
    void aFileAboveTheLargeFileLimitIsReadOnlyWithoutHighlightingAndSaysSoWhileLoading() throws Exception {
        var file = Files.writeString(folder.resolve("huge.log"), lines(30_000));
        var document = DocumentViewModel.ofText(load(file), true, executor, dialogs);

        assertThat(document.isLargeFile()).isTrue();
        assertThat(document.bannerProperty().get()).contains("huge.log is larger than 20.0 MB",
                "open read-only, without syntax highlighting", "Loading… ");
        executor.runNextUiTask();
        assertThat(document.bannerProperty().get()).containsPattern("Loading… [1-9][0-9]?%");
        while (document.isLoading()) {
            executor.runNextUiTask();
        }

        assertThat(document.isReadOnly()).isTrue();
        assertThat(document.bannerProperty().get()).doesNotContain("Loading");
        assertThat(document.replace(0, 0, "x")).isFalse();
    }

    @Test
    void aSmallFileIsWholeAtOnce() throws IOException {
        var file = Files.writeString(folder.resolve("small.txt"), lines(50));
        var document = DocumentViewModel.ofText(load(file), false, executor, dialogs);

        assertThat(document.isLoading()).isFalse();
        assertThat(document.document().getParagraphs()).hasSize(51);
        assertThat(executor.ui).isEmpty();
    }

    private static LoadResult.Text load(Path file) {
        return (LoadResult.Text) TextFiles.load(file, LoadMode.NORMAL);
    }

    /** Background work on real threads; UI work queued for the test thread to run one task at a time. */
    private static final class SteppedUi implements TaskExecutor {
        final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
        final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            var future = new CompletableFuture<T>();
            background.execute(() -> {
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
            ui.add(action);
        }

        void runNextUiTask() throws InterruptedException {
            var task = ui.poll(30, TimeUnit.SECONDS);
            assertThat(task).as("a UI task within 30 s").isNotNull();
            task.run();
        }

        void runRemainingUiTasks() throws InterruptedException {
            Runnable task;
            while ((task = ui.poll(500, TimeUnit.MILLISECONDS)) != null) {
                task.run();
            }
        }
    }
}
