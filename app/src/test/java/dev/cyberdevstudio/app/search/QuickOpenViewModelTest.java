package dev.cyberdevstudio.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.search.FileIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickOpenViewModelTest {

    @TempDir
    Path project;

    private final List<String> opened = new ArrayList<>();
    private FileIndex index;
    private int closed;

    @BeforeEach
    void makeProject() throws IOException {
        for (var file : List.of("src/MainWindow.java", "src/Menus.java", "lib/mw/x.txt", "README.md")) {
            var path = project.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, file);
        }
        index = FileIndex.build(project);
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    @Test
    void listsTheBestFilesWithHighlightsAndOpensTheSelectedOne() {
        var viewModel = viewModel(new CurrentThreadTaskExecutor());

        viewModel.queryProperty().set("mw");

        assertThat(viewModel.items()).extracting(QuickOpenItem::path).containsExactly("src/MainWindow.java",
                "lib/mw/x.txt");
        var first = viewModel.items().getFirst();
        assertThat(first.name().runs()).containsExactly(new HighlightedText.Run("M", true),
                new HighlightedText.Run("ain", false), new HighlightedText.Run("W", true),
                new HighlightedText.Run("indow.java", false));
        assertThat(first.folder().text()).isEqualTo("src");
        assertThat(viewModel.items().get(1).folder().runs()).containsExactly(new HighlightedText.Run("lib/", false),
                new HighlightedText.Run("mw", true));
        assertThat(viewModel.statusProperty().get()).isEqualTo("2 matching files");
        assertThat(viewModel.selectedIndexProperty().get()).isZero();

        viewModel.moveSelection(1);
        assertThat(viewModel.selected()).map(QuickOpenItem::path).hasValue("lib/mw/x.txt");
        viewModel.moveSelection(1);
        assertThat(viewModel.selected()).map(QuickOpenItem::path).hasValue("src/MainWindow.java");
        viewModel.moveSelection(-1);
        assertThat(viewModel.openSelected()).isTrue();

        assertThat(opened).containsExactly("lib/mw/x.txt@0:0");
        assertThat(closed).isEqualTo(1);
        assertThat(viewModel.recentFiles()).containsExactly("lib/mw/x.txt");
    }

    @Test
    void aLineSuffixGoesToTheOpener() {
        var viewModel = viewModel(new CurrentThreadTaskExecutor());

        viewModel.queryProperty().set("menus:40:2");

        assertThat(viewModel.statusProperty().get()).isEqualTo("1 matching file · go to line 40, column 2");
        viewModel.openSelected();
        assertThat(opened).containsExactly("src/Menus.java@40:2");
    }

    @Test
    void emptyQueryListsRecentFilesFirstAndSaysWhenNothingMatches() {
        var viewModel = viewModel(new CurrentThreadTaskExecutor());
        viewModel.noteOpened(project.resolve("src/Menus.java"));
        viewModel.noteOpened(project.resolve("README.md"));
        viewModel.noteOpened(project.resolve("src/Menus.java"));
        viewModel.noteOpened(Path.of("/elsewhere/file.txt"));

        viewModel.reset();

        assertThat(viewModel.items()).extracting(QuickOpenItem::path, QuickOpenItem::recent).startsWith(
                tuple("src/Menus.java", true),
                tuple("README.md", true),
                tuple("lib/mw/x.txt", false));
        assertThat(viewModel.items()).hasSize(4);
        assertThat(viewModel.statusProperty().get()).isEqualTo("4 files");

        viewModel.queryProperty().set("zzz");
        assertThat(viewModel.items()).isEmpty();
        assertThat(viewModel.selectedIndexProperty().get()).isEqualTo(-1);
        assertThat(viewModel.statusProperty().get()).isEqualTo("No file matches zzz");
        assertThat(viewModel.openSelected()).isFalse();
        viewModel.moveSelection(1);
        assertThat(viewModel.selected()).isEmpty();
        viewModel.cancel();
        assertThat(closed).isEqualTo(1);
    }

    @Test
    void onlyTheNewestTextIsAnsweredWhileAQueryRuns() {
        var executor = new ManualExecutor();
        var viewModel = viewModel(executor);
        executor.runAll();

        viewModel.queryProperty().set("m");
        viewModel.queryProperty().set("me");
        viewModel.queryProperty().set("menus");
        assertThat(executor.pending()).isEqualTo(1);

        executor.runAll();

        // The empty query of setIndex, "m" (already running when "me" came), then only the newest text.
        assertThat(executor.ran()).isEqualTo(3);
        assertThat(viewModel.items()).extracting(QuickOpenItem::path).containsExactly("src/Menus.java");
    }

    @Test
    void withoutAProjectItSaysSo() {
        var viewModel = viewModel(new CurrentThreadTaskExecutor());

        viewModel.setIndex(null);
        viewModel.queryProperty().set("x");
        viewModel.noteOpened(project.resolve("README.md"));

        assertThat(viewModel.items()).isEmpty();
        assertThat(viewModel.statusProperty().get()).isEqualTo("Open a folder to find its files");
        assertThat(viewModel.openSelected()).isFalse();
    }

    private QuickOpenViewModel viewModel(TaskExecutor executor) {
        var viewModel = new QuickOpenViewModel(executor, (file, line, column) ->
                opened.add(project.relativize(file).toString().replace('\\', '/') + "@" + line + ":" + column));
        viewModel.setOnClose(() -> closed++);
        viewModel.setIndex(index);
        return viewModel;
    }

    /** Runs submitted work only when asked, so that a test can type while a query is in flight. */
    private final class ManualExecutor implements TaskExecutor {

        private final Queue<Runnable> queue = new ArrayDeque<>();
        private int ran;

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            var future = new CompletableFuture<T>();
            queue.add(() -> {
                ran++;
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

        int pending() {
            return queue.size();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }

        int ran() {
            return ran;
        }
    }
}
