package dev.cyberdevstudio.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cyberdevstudio.app.concurrent.CurrentThreadTaskExecutor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorDialogs;
import dev.cyberdevstudio.app.editor.EditorTabsViewModel;
import dev.cyberdevstudio.engine.git.GitRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare commands against real files and a real repository; views are caught instead of shown. */
class DiffCommandsTest {

    @TempDir
    Path folder;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final GitRepositories repositories = new GitRepositories();
    private final List<DiffViewModel> opened = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final EditorTabsViewModel editors = new EditorTabsViewModel(executor, new NoDialogs());
    private Optional<Path> chosen = Optional.empty();
    private final DiffCommands commands = new DiffCommands(executor, repositories, this::capture, () -> chosen,
            problems::add);

    @AfterEach
    void close() {
        repositories.close();
    }

    @Test
    void comparesTheEditorWithTheSavedFile() throws Exception {
        var document = open("notes.txt", "one\ntwo\n");
        document.replace(0, 3, "ONE");

        commands.compareWithSaved(document);

        var diff = only();
        assertThat(diff.titleProperty().get()).isEqualTo("notes.txt: saved \u2194 editor");
        assertThat(diff.leftLabelProperty().get()).isEqualTo("notes.txt (saved)");
        assertThat(diff.content().orElseThrow().hunks()).singleElement()
                .satisfies(hunk -> assertThat(hunk.newLines()).containsExactly("ONE"));
    }

    @Test
    void comparesTheEditorWithHead() throws Exception {
        try (var git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            Files.writeString(folder.resolve("App.java"), "class App {}\n");
            git.add().addFilepattern("App.java").call();
            git.commit().setMessage("app").setSign(false).call();
        }
        var document = open("App.java", null);
        document.replace(0, 0, "// header\n");

        commands.compareWithHead(document);

        var diff = only();
        assertThat(diff.leftLabelProperty().get()).isEqualTo("App.java (HEAD)");
        assertThat(diff.summaryProperty().get()).isEqualTo("1 change (+1 \u22120)");
    }

    @Test
    void aNewFileInARepositoryComparesWithNothing() throws Exception {
        Git.init().setDirectory(folder.toFile()).call().close();
        var document = open("new.txt", "fresh\n");

        commands.compareWithHead(document);

        assertThat(only().leftLabelProperty().get()).isEqualTo("new.txt (not in HEAD)");
    }

    @Test
    void aFileOutsideARepositoryHasNoHeadToCompareWith() throws Exception {
        var document = open("loose.txt", "x\n");

        commands.compareWithHead(document);

        assertThat(opened).isEmpty();
        assertThat(problems).containsExactly("loose.txt is not in a git repository: there is no HEAD to compare with.");
    }

    @Test
    void comparesWithAChosenFileAndRefusesABinaryOne() throws Exception {
        var document = open("a.txt", "same\nleft\n");
        var other = Files.writeString(folder.resolve("b.txt"), "same\nright\n");
        var binary = Files.write(folder.resolve("c.bin"), new byte[] {0, 1, 2, 3});

        chosen = Optional.of(other);
        commands.compareWithChosenFile(document);
        chosen = Optional.empty();
        commands.compareWithChosenFile(document);
        commands.compareWithFile(document, binary);

        assertThat(only().titleProperty().get()).isEqualTo("a.txt \u2194 b.txt");
        assertThat(problems).containsExactly("c.bin is a binary file: there is no text to compare.");
    }

    @Test
    void comparesTwoFilesOnDiskAndReportsAMissingOne() throws Exception {
        var left = Files.writeString(folder.resolve("l.txt"), "a\n");
        var right = Files.writeString(folder.resolve("r.txt"), "b\n");

        commands.compareFiles(left, right);
        commands.compareFiles(left, folder.resolve("gone.txt"));

        assertThat(only().summaryProperty().get()).isEqualTo("1 change (+1 \u22121)");
        assertThat(problems).singleElement()
                .satisfies(problem -> assertThat(problem).startsWith("Cannot compare gone.txt"));
    }

    private DocumentViewModel open(String name, String text) throws Exception {
        var file = folder.resolve(name);
        if (text != null) {
            Files.writeString(file, text);
        }
        editors.open(file);
        return editors.find(file).orElseThrow();
    }

    private void capture(DiffView view) {
        opened.add(view.viewModel());
    }

    private DiffViewModel only() {
        assertThat(opened).hasSize(1);
        return opened.getFirst();
    }

    /** Editor dialogs no test here expects to be asked. */
    private static final class NoDialogs implements EditorDialogs {

        @Override
        public UnsavedChoice askUnsaved(Path file) {
            return UnsavedChoice.DONT_SAVE;
        }

        @Override
        public ReloadChoice askReloadOrKeep(Path file) {
            return ReloadChoice.KEEP_MINE;
        }

        @Override
        public boolean confirmOpenLarge(Path file, long size) {
            return false;
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(title + ": " + message);
        }

        @Override
        public Optional<String> askGoToLine(int currentLine, int lineCount) {
            return Optional.empty();
        }
    }
}
