package dev.cyberdevstudio.engine.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.project.FileChange;
import dev.cyberdevstudio.engine.project.ProjectWatcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path project;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (var closeable : closing.reversed()) {
            closeable.close();
        }
    }

    @Test
    void indexesAGeneratedTreeWithoutBuildOutputAndPackages() throws IOException {
        for (var i = 0; i < 30; i++) {
            write("src/module" + i % 3 + "/File" + i + ".java");
        }
        write("README.md");
        write(".gitignore.bak");
        for (var skipped : FileIndex.SKIPPED_FOLDERS) {
            write(skipped + "/inside.txt");
            write("nested/" + skipped + "/deeper/inside.txt");
        }

        var index = build();

        assertThat(index.size()).isEqualTo(32);
        assertThat(index.files()).contains("README.md", ".gitignore.bak", "src/module0/File0.java",
                "src/module2/File29.java").noneMatch(path -> path.contains("inside"));
        assertThat(index.files()).isSorted();
        assertThat(index.isReady()).isTrue();
        assertThat(index.isTruncated()).isFalse();
        assertThat(index.root()).isEqualTo(project.toAbsolutePath().normalize());
        assertThat(index.resolve("README.md")).isEqualTo(index.root().resolve("README.md"));
    }

    @Test
    void leavesOutWhatTheGitignoreFilesIgnore() throws IOException {
        Files.writeString(project.resolve(".gitignore"), """
                # build logs
                *.log
                !keep.log
                /out/
                docs/**/*.tmp
                secret?.txt
                cache/
                \\#hash.txt
                trailing.txt   \s
                """);
        Files.createDirectories(project.resolve(".git/info"));
        Files.writeString(project.resolve(".git/info/exclude"), "local-only.txt\n");
        Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve("sub/.gitignore"), "generated.java\n!important.log\n");
        for (var path : List.of("app.log", "keep.log", "out/a.class", "src/out/kept.txt", "docs/a/b/x.tmp",
                "docs/x.tmp", "secret1.txt", "secret12.txt", "cache/c.bin", "src/cache/c.bin", "cache.txt",
                "#hash.txt", "trailing.txt", "local-only.txt", "sub/generated.java", "generated.java",
                "sub/important.log", "sub/other.log", "src/Main.java")) {
            write(path);
        }

        var index = build();

        assertThat(index.files()).containsExactlyInAnyOrder(".gitignore", "keep.log", "src/out/kept.txt",
                "secret12.txt", "cache.txt", "generated.java", "sub/.gitignore", "sub/important.log",
                "src/Main.java");
    }

    @Test
    void followsTheWatcherAsFilesAndFoldersComeAndGo() throws IOException {
        write("src/Old.java");
        write("src/gone/A.java");
        write("src/gone/B.java");
        Files.writeString(project.resolve(".gitignore"), "*.tmp\n");
        var index = build();
        var watcher = ProjectWatcher.start(project, Duration.ofMillis(50), index::apply);
        closing.add(watcher);

        write("src/New.java");
        write("scratch.tmp");
        write("added/deep/folder/C.java");
        Files.delete(project.resolve("src/Old.java"));
        Files.delete(project.resolve("src/gone/A.java"));
        Files.delete(project.resolve("src/gone/B.java"));
        Files.delete(project.resolve("src/gone"));

        await(() -> index.contains("src/New.java") && index.contains("added/deep/folder/C.java")
                && !index.contains("src/Old.java") && !index.contains("src/gone/A.java"), index);
        assertThat(index.files()).containsExactlyInAnyOrder(".gitignore", "src/New.java", "added/deep/folder/C.java");
    }

    @Test
    void aChangedGitignoreReindexesTheProject() throws Exception {
        write("a.txt");
        write("b.log");
        var index = build();
        assertThat(index.files()).containsExactlyInAnyOrder("a.txt", "b.log");

        Files.writeString(project.resolve(".gitignore"), "*.log\n");
        index.apply(List.of(new FileChange(project.resolve(".gitignore"), FileChange.Kind.CREATED)))
                .get(10, TimeUnit.SECONDS);

        assertThat(index.files()).containsExactlyInAnyOrder(".gitignore", "a.txt");
    }

    @Test
    void rescanAndPathOnlyChangesCheckTheDisk() throws Exception {
        write("a.txt");
        var index = build();
        write("b.txt");
        write("node_modules/pkg/index.js");
        write("folder/c.txt");

        index.pathsChanged(List.of(project.resolve("b.txt"), project.resolve("node_modules/pkg/index.js"),
                project.resolve("folder"), project.getParent().resolve("elsewhere.txt"))).get(10, TimeUnit.SECONDS);
        assertThat(index.files()).containsExactly("a.txt", "b.txt", "folder/c.txt");

        Files.delete(project.resolve("a.txt"));
        write("d.txt");
        index.apply(List.of(new FileChange(project, FileChange.Kind.RESCAN))).get(10, TimeUnit.SECONDS);
        assertThat(index.files()).containsExactly("b.txt", "d.txt", "folder/c.txt");
    }

    @Test
    void answersQueriesBestFirstWithPositionsAndLine() throws IOException {
        write("somewhere/mw/x.txt");
        write("app/src/main/java/MainWindow.java");
        write("app/src/main/java/MainWindowViewModel.java");
        write("docs/notes.md");
        var index = build();

        var result = index.query("mw:42", 200);

        assertThat(result.matches()).extracting(FileMatch::path).containsExactly(
                "app/src/main/java/MainWindow.java", "app/src/main/java/MainWindowViewModel.java",
                "somewhere/mw/x.txt");
        assertThat(result.matches().getFirst().positions()).containsExactly(18, 22);
        assertThat(result.query().line()).isEqualTo(OptionalInt.of(42));
        assertThat(result.matched()).isEqualTo(3);
        assertThat(result.searched()).isEqualTo(4);
        assertThat(result.indexing()).isFalse();
        assertThat(index.query("mw", 1).matches()).extracting(FileMatch::path)
                .containsExactly("app/src/main/java/MainWindow.java");
        assertThat(index.query("", 2).matches()).extracting(FileMatch::path)
                .containsExactly("docs/notes.md", "somewhere/mw/x.txt");
        assertThat(index.query("zzz", 5).matches()).isEmpty();
        assertThatThrownBy(() -> index.query("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFolderThatCannotBeIndexedSaysSo() {
        var missing = project.resolve("missing");

        assertThatThrownBy(() -> FileIndex.build(missing)).isInstanceOf(EngineException.class)
                .hasMessageContaining("missing").hasMessageContaining("not a folder");
    }

    @Test
    void aClosedIndexStillAnswersAndIgnoresChanges() throws Exception {
        write("a.txt");
        var index = build();
        index.close();

        write("b.txt");
        index.pathsChanged(List.of(project.resolve("b.txt"))).get(10, TimeUnit.SECONDS);

        assertThat(index.files()).containsExactly("a.txt");
        assertThat(index.query("a", 5).matches()).hasSize(1);
    }

    private FileIndex build() {
        var index = FileIndex.build(project);
        closing.add(index);
        return index;
    }

    private void write(String relative) throws IOException {
        var file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, relative);
    }

    private static void await(BooleanSupplier condition, FileIndex index) {
        var deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The index did not catch up within " + TIMEOUT + ": " + index.files());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
