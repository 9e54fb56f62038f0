package dev.cyberdevstudio.app.diff;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import dev.cyberdevstudio.engine.git.GitRepositories;
import dev.cyberdevstudio.engine.git.HeadVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compare commands of the menus: the editor's text against the file on disk, against HEAD, or against another
 * file. Files are read in the background; a comparison that cannot be made (binary, not in a repository) is reported
 * through {@code problems} in a sentence, and a ready view goes to {@code opener} (a tab or a {@link DiffWindow}).
 *
 * <pre>{@code
 * var diffs = new DiffCommands(executor, repositories, view -> DiffWindow.show(stage, view),
 *         () -> Optional.ofNullable(chooser.showOpenDialog(stage)).map(File::toPath), viewModel::showStatus);
 * diffs.compareWithHead(editors.activeDocument().orElseThrow());
 * }</pre>
 */
public final class DiffCommands {

    private static final Logger LOG = LoggerFactory.getLogger(DiffCommands.class);

    private final TaskExecutor executor;
    private final GitRepositories repositories;
    private final Consumer<DiffView> opener;
    private final Supplier<Optional<Path>> chooseFile;
    private final Consumer<String> problems;

    public DiffCommands(TaskExecutor executor, GitRepositories repositories, Consumer<DiffView> opener,
                        Supplier<Optional<Path>> chooseFile, Consumer<String> problems) {
        this.executor = executor;
        this.repositories = repositories;
        this.opener = opener;
        this.chooseFile = chooseFile;
        this.problems = problems;
    }

    /** The document's text (right) against its file as saved on disk (left). */
    public void compareWithSaved(DocumentViewModel document) {
        var text = document.text();
        var name = fileName(document.path());
        executor.submit(() -> TextFiles.load(document.path(), LoadMode.ALLOW_LARGE), loaded ->
                textOf(loaded).ifPresent(saved -> open(name + ": saved \u2194 editor", name + " (saved)", saved,
                        name + " (editor)", text)), error -> failed(name, error));
    }

    /** The document's text (right) against its file in the last commit (left); a new file compares with nothing. */
    public void compareWithHead(DocumentViewModel document) {
        var text = document.text();
        var path = document.path();
        var name = fileName(path);
        executor.submit(() -> repositories.forPath(path).map(repository -> repository.headVersion(path)), head -> {
            if (head.isEmpty()) {
                problems.accept(name + " is not in a git repository: there is no HEAD to compare with.");
                return;
            }
            switch (head.get()) {
                case HeadVersion.Text committed -> open(name + ": HEAD \u2194 editor", name + " (HEAD)",
                        committed.text(), name + " (editor)", text);
                case HeadVersion.Missing missing -> open(name + ": HEAD \u2194 editor", name + " (not in HEAD)", "",
                        name + " (editor)", text);
                case HeadVersion.Binary binary -> problems.accept(name + " is a binary file in HEAD ("
                        + TextFiles.formatSize(binary.size()) + "): there is no text to compare.");
                case HeadVersion.TooLarge large -> problems.accept(name + " is too large in HEAD ("
                        + TextFiles.formatSize(large.size()) + ") to compare.");
            }
        }, error -> failed(name, error));
    }

    /** Asks for another file and compares the document's text (left) with it (right). */
    public void compareWithChosenFile(DocumentViewModel document) {
        chooseFile.get().ifPresent(other -> compareWithFile(document, other));
    }

    /** The document's text (left) against {@code other} as it is on disk (right). */
    public void compareWithFile(DocumentViewModel document, Path other) {
        var text = document.text();
        var name = fileName(document.path());
        var otherName = fileName(other);
        executor.submit(() -> TextFiles.load(other, LoadMode.ALLOW_LARGE), loaded -> textOf(loaded).ifPresent(
                right -> open(name + " \u2194 " + otherName, document.path().toString(), text, other.toString(),
                        right)), error -> failed(otherName, error));
    }

    /** Two files as they are on disk. */
    public void compareFiles(Path left, Path right) {
        executor.submit(() -> new LoadResult[] {TextFiles.load(left, LoadMode.ALLOW_LARGE),
                TextFiles.load(right, LoadMode.ALLOW_LARGE)}, loaded -> {
            var leftText = textOf(loaded[0]);
            var rightText = leftText.flatMap(ignored -> textOf(loaded[1]));
            rightText.ifPresent(text -> open(fileName(left) + " \u2194 " + fileName(right), left.toString(),
                    leftText.get(), right.toString(), text));
        }, error -> failed(fileName(left), error));
    }

    private void open(String title, String leftLabel, String leftText, String rightLabel, String rightText) {
        opener.accept(DiffView.compare(executor, title, leftLabel, leftText, rightLabel, rightText));
    }

    private Optional<String> textOf(LoadResult loaded) {
        return switch (loaded) {
            case LoadResult.Text text -> Optional.of(text.text());
            case LoadResult.Binary binary -> {
                problems.accept(fileName(binary.path()) + " is a binary file: there is no text to compare.");
                yield Optional.empty();
            }
            case LoadResult.TooLarge large -> {
                problems.accept(fileName(large.path()) + " is too large to compare.");
                yield Optional.empty();
            }
            case LoadResult.Failed failed -> {
                problems.accept("Cannot compare " + fileName(failed.path()) + ": " + failed.reason() + ".");
                yield Optional.empty();
            }
        };
    }

    private void failed(String name, Throwable error) {
        LOG.warn("Comparing {} failed", name, error);
        problems.accept("Cannot compare " + name + ": " + (error.getMessage() == null
                ? error.getClass().getSimpleName() : error.getMessage()));
    }

    private static String fileName(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
