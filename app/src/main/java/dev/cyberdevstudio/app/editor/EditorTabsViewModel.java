package dev.cyberdevstudio.app.editor;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open files and the commands of the editor area. The shell calls it from menus and from the project tree;
 * {@link EditorTabsPane} shows it.
 *
 * <pre>{@code
 * var editors = new EditorTabsViewModel(executor, new FxEditorDialogs(() -> stage));
 * tree.setOnOpenFile(editors::open);
 * tree.setOnFilesChanged(editors::filesChanged);
 * statusBar.caret().textProperty().bind(editors.activeDocumentProperty()
 *         .flatMap(document -> document.caretLineProperty().asString()).orElse(""));
 * stage.setOnCloseRequest(event -> { if (!editors.closeAll()) event.consume(); });
 * }</pre>
 */
public final class EditorTabsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EditorTabsViewModel.class);

    private final TaskExecutor executor;
    private final EditorDialogs dialogs;
    private final ObservableList<DocumentViewModel> documents = FXCollections.observableArrayList();
    private final ObservableList<DocumentViewModel> readOnlyDocuments =
            FXCollections.unmodifiableObservableList(documents);
    private final ReadOnlyObjectWrapper<DocumentViewModel> activeDocument =
            new ReadOnlyObjectWrapper<>(this, "activeDocument");
    private final Set<Path> opening = new HashSet<>();
    /** Where to put the caret in files still loading, from {@link #openAt}. */
    private final Map<Path, int[]> pendingCarets = new HashMap<>();

    public EditorTabsViewModel(TaskExecutor executor, EditorDialogs dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
    }

    /** The open documents in tab order. */
    public ObservableList<DocumentViewModel> documents() {
        return readOnlyDocuments;
    }

    /** The document in the selected tab; null when no file is open. */
    public ReadOnlyObjectProperty<DocumentViewModel> activeDocumentProperty() {
        return activeDocument.getReadOnlyProperty();
    }

    public Optional<DocumentViewModel> activeDocument() {
        return Optional.ofNullable(activeDocument.get());
    }

    /** Makes {@code document} the active one (the pane selects its tab). */
    public void activate(DocumentViewModel document) {
        if (document == null || documents.contains(document)) {
            activeDocument.set(document);
        }
    }

    /** The open document for {@code file}, if any. */
    public Optional<DocumentViewModel> find(Path file) {
        var wanted = normalize(file);
        return documents.stream().filter(document -> document.path().equals(wanted)).findFirst();
    }

    /**
     * Opens {@code file} in a new tab, or focuses its tab when it is open already. The file is read in the
     * background; a binary file gets a short notice, a large one is opened read-only if the user agrees, and a
     * file that cannot be read is reported through the dialogs.
     */
    public void open(Path file) {
        var path = normalize(file);
        var existing = find(path);
        if (existing.isPresent()) {
            activate(existing.get());
            return;
        }
        load(path, LoadMode.NORMAL);
    }

    /**
     * Opens {@code file} like {@link #open} and puts the caret at {@code line}:{@code column} (1-based) once the
     * text is there: for search results, problems, definitions and symbols.
     */
    public void openAt(Path file, int line, int column) {
        var path = normalize(file);
        var existing = find(path);
        if (existing.isPresent()) {
            activate(existing.get());
            existing.get().goTo(line, column);
            return;
        }
        pendingCarets.put(path, new int[] {line, column});
        load(path, LoadMode.NORMAL);
    }

    private void load(Path path, LoadMode mode) {
        if (!opening.add(path)) {
            return;
        }
        executor.submit(() -> Loaded.read(path, mode), read -> {
            opening.remove(path);
            loaded(read, mode == LoadMode.ALLOW_LARGE);
        }, error -> {
            opening.remove(path);
            pendingCarets.remove(path);
            LOG.error("Opening {} failed", path, error);
            dialogs.showError("Could not open " + DocumentViewModel.fileName(path),
                    "Cannot open " + path + ": " + error.getMessage());
        });
    }

    private void loaded(Loaded read, boolean large) {
        var already = find(read.result().path());
        if (already.isPresent()) {
            activate(already.get());
            return;
        }
        switch (read.result()) {
            case LoadResult.Text text -> add(DocumentViewModel.ofText(
                    read.prepared().orElseGet(() -> DocumentViewModel.Prepared.of(text)), large, executor, dialogs));
            case LoadResult.Binary binary -> add(DocumentViewModel.ofBinary(binary, executor, dialogs));
            case LoadResult.TooLarge tooLarge -> {
                if (dialogs.confirmOpenLarge(tooLarge.path(), tooLarge.size())) {
                    load(tooLarge.path(), LoadMode.ALLOW_LARGE);
                }
            }
            case LoadResult.Failed failed -> {
                pendingCarets.remove(failed.path());
                LOG.warn("Could not open {}: {}", failed.path(), failed.reason());
                dialogs.showError("Could not open " + DocumentViewModel.fileName(failed.path()), failed.message());
            }
        }
    }

    private void add(DocumentViewModel document) {
        documents.add(document);
        activeDocument.set(document);
        var caret = pendingCarets.remove(document.path());
        if (caret != null) {
            document.goTo(caret[0], caret[1]);
        }
    }

    /** Saves the active document in the background. */
    public void saveActive() {
        activeDocument().ifPresent(DocumentViewModel::save);
    }

    /** Saves every document with unsaved changes in the background. */
    public void saveAll() {
        List.copyOf(documents).stream().filter(DocumentViewModel::isDirty).forEach(DocumentViewModel::save);
    }

    /** Closes the active document, asking first when it has unsaved changes. */
    public void closeActive() {
        activeDocument().ifPresent(this::close);
    }

    /**
     * Closes {@code document}. With unsaved changes the user chooses: Save (the tab closes only when the save
     * worked), Don't Save, or Cancel. Returns whether the document was closed.
     */
    public boolean close(DocumentViewModel document) {
        if (!documents.contains(document)) {
            return true;
        }
        if (document.isDirty()) {
            switch (dialogs.askUnsaved(document.path())) {
                case CANCEL -> {
                    return false;
                }
                // Saved here, on the calling thread: the tab must not go before the file is safely written.
                case SAVE -> {
                    if (!document.saveNow()) {
                        return false;
                    }
                }
                case DONT_SAVE -> { }
            }
        }
        int index = documents.indexOf(document);
        documents.remove(index);
        document.dispose();
        if (activeDocument.get() == document) {
            activeDocument.set(documents.isEmpty() ? null : documents.get(Math.min(index, documents.size() - 1)));
        }
        return true;
    }

    /** Closes every document, asking about each with unsaved changes; false when the user cancels (then stops). */
    public boolean closeAll() {
        for (var document : new ArrayList<>(documents)) {
            activate(document);
            if (!close(document)) {
                return false;
            }
        }
        return true;
    }

    public boolean hasUnsavedChanges() {
        return documents.stream().anyMatch(DocumentViewModel::isDirty);
    }

    /**
     * Files (or folders) changed on disk: every open document at or under one of {@code paths} looks at its file.
     * A clean document reloads, a dirty one asks, a deleted file is marked and keeps its text.
     */
    public void filesChanged(List<Path> paths) {
        var changed = paths.stream().map(EditorTabsViewModel::normalize).toList();
        for (var document : List.copyOf(documents)) {
            if (changed.stream().anyMatch(document.path()::startsWith)) {
                document.checkDisk();
            }
        }
    }

    // ---------------------------------------------------------------- menu actions on the active document

    public void find() {
        activeText().ifPresent(document -> document.find().open(false));
    }

    public void replace() {
        activeText().ifPresent(document -> document.find().open(true));
    }

    public void goToLine() {
        activeText().ifPresent(DocumentViewModel::goToLine);
    }

    public void undo() {
        activeText().ifPresent(DocumentViewModel::undo);
    }

    public void redo() {
        activeText().ifPresent(DocumentViewModel::redo);
    }

    private Optional<DocumentViewModel> activeText() {
        return activeDocument().filter(document -> document.binaryNotice().isEmpty());
    }

    /** What the background thread read, with a text file's paragraphs already built. */
    private record Loaded(LoadResult result, Optional<DocumentViewModel.Prepared> prepared) {

        static Loaded read(Path path, LoadMode mode) {
            var result = TextFiles.load(path, mode);
            return new Loaded(result, result instanceof LoadResult.Text text
                    ? Optional.of(DocumentViewModel.Prepared.of(text)) : Optional.empty());
        }
    }

    private static Path normalize(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
