package dev.cyberdevstudio.app.git;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.diff.DiffHunk;
import dev.cyberdevstudio.engine.diff.HunkMismatchException;
import dev.cyberdevstudio.engine.diff.TextDiff;
import dev.cyberdevstudio.engine.git.GitRepositories;
import dev.cyberdevstudio.engine.git.HeadComparison;
import dev.cyberdevstudio.engine.git.LineChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.reactfx.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Git change markers in one editor's gutter: a bar beside lines added or modified since the last commit and a
 * triangle where lines were deleted. They are computed in the background, shortly after typing stops and after each
 * save or reload. Clicking a marker shows the lines as HEAD has them and offers to revert the change, as one
 * undoable edit; {@link #revertHunkAtCaret()} does the same for the change under the caret.
 *
 * <p>Attach it to every editor with {@link GitGutters}; commands find it on the active editor with
 * {@code editor.feature(GitGutter.class)}.
 */
public final class GitGutter implements AutoCloseable {

    static final String STYLESHEET =
            Objects.requireNonNull(GitGutter.class.getResource("git-gutter.css")).toExternalForm();
    private static final Logger LOG = LoggerFactory.getLogger(GitGutter.class);
    private static final Duration QUIET_TIME = Duration.millis(300);
    private static final int SHOWN_LINES = 20;
    private static final double WIDTH = 8;

    private final DocumentViewModel document;
    private final CodeEditor editor;
    private final TaskExecutor executor;
    private final GitRepositories repositories;
    private final Runnable onClose;
    private final PauseTransition quiet = new PauseTransition(QUIET_TIME);
    private final Subscription textChanges;
    private final ChangeListener<Boolean> saved;
    private final AutoCloseable column;
    private final ReadOnlyObjectWrapper<List<LineChange>> changes =
            new ReadOnlyObjectWrapper<>(this, "changes", List.of());
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", "");
    private final List<Runnable> whenFresh = new ArrayList<>();
    private Map<Integer, LineChange> changedLines = Map.of();
    private Map<Integer, LineChange> deletionsBefore = Map.of();
    private String comparedText;
    private long generation;
    private boolean closed;
    private ContextMenu popup;

    GitGutter(DocumentViewModel document, CodeEditor editor, TaskExecutor executor, GitRepositories repositories,
              Runnable onClose) {
        this.document = document;
        this.editor = editor;
        this.executor = executor;
        this.repositories = repositories;
        this.onClose = onClose;
        if (!editor.getStylesheets().contains(STYLESHEET)) {
            editor.getStylesheets().add(STYLESHEET);
        }
        quiet.setOnFinished(event -> refresh());
        textChanges = document.document().plainChanges().subscribe(change -> quiet.playFromStart());
        saved = (observable, was, dirty) -> {
            if (!dirty) {
                refresh();
            }
        };
        document.dirtyProperty().addListener(saved);
        column = editor.addGutterColumn(this::marker);
        editor.putFeature(GitGutter.class, this);
        refresh();
    }

    /** The changes against HEAD now shown; empty when there are none or no comparison could be made. */
    public ReadOnlyObjectProperty<List<LineChange>> changesProperty() {
        return changes.getReadOnlyProperty();
    }

    /** Why there are no markers ("big.txt is too large to compare with HEAD …"); empty when there are. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** Compares the text with HEAD again, in the background (after a commit or a branch switch, say). */
    public void refresh() {
        if (closed) {
            return;
        }
        quiet.stop();
        var text = document.text();
        var path = document.path();
        long request = ++generation;
        try {
            executor.submit(() -> compare(path, text), result -> compared(request, text, result), error -> {
                LOG.warn("Comparing {} with HEAD failed", path, error);
                if (request == generation && !closed) {
                    unavailable.set("Cannot compare with HEAD: " + error.getMessage());
                    show(List.of());
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            LOG.debug("Not comparing {} with HEAD: the studio is closing", path);
        }
    }

    /**
     * Reverts the change on the caret's line (or the deletion next to it) to what HEAD has, as one undoable edit.
     * False when there is no change there; a text typed since the last comparison is compared again first.
     */
    public boolean revertHunkAtCaret() {
        if (isFresh()) {
            var change = changeAt(document.caretLineProperty().get() - 1);
            change.ifPresent(found -> revert(found.hunk()));
            return change.isPresent();
        }
        whenFresh(() -> changeAt(document.caretLineProperty().get() - 1).ifPresent(found -> revert(found.hunk())));
        return true;
    }

    /** Reverts {@code change} (one of {@link #changesProperty()}) to what HEAD has. */
    public void revert(LineChange change) {
        if (isFresh()) {
            revert(change.hunk());
        } else {
            whenFresh(() -> changeAt(change.line()).ifPresent(found -> revert(found.hunk())));
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        quiet.stop();
        textChanges.unsubscribe();
        document.dirtyProperty().removeListener(saved);
        hidePopup();
        try {
            column.close();
        } catch (Exception error) {
            LOG.debug("Removing the git gutter column failed", error);
        }
        onClose.run();
    }

    // ---------------------------------------------------------------- computing

    private HeadComparison compare(Path path, String text) {
        return repositories.forPath(path).map(repository -> repository.compareWithHead(path, text))
                .orElseGet(() -> new HeadComparison.Unavailable(""));
    }

    private void compared(long request, String text, HeadComparison result) {
        if (request != generation || closed) {
            return;
        }
        comparedText = text;
        switch (result) {
            case HeadComparison.Compared found -> {
                unavailable.set("");
                show(found.changes());
            }
            case HeadComparison.Unavailable none -> {
                if (!none.reason().isEmpty()) {
                    LOG.debug("No git markers for {}: {}", document.path(), none.reason());
                }
                unavailable.set(none.reason());
                show(List.of());
            }
        }
        var waiting = List.copyOf(whenFresh);
        whenFresh.clear();
        if (isFresh()) {
            waiting.forEach(Runnable::run);
        } else if (!waiting.isEmpty()) {
            whenFresh.addAll(waiting);
        }
    }

    private void show(List<LineChange> found) {
        var lines = new HashMap<Integer, LineChange>();
        var deletions = new HashMap<Integer, LineChange>();
        for (var change : found) {
            if (change.kind() == LineChange.Kind.DELETED) {
                deletions.put(change.line(), change);
            } else {
                for (int line = change.line(); line < change.line() + change.count(); line++) {
                    lines.put(line, change);
                }
            }
        }
        changedLines = lines;
        deletionsBefore = deletions;
        changes.set(List.copyOf(found));
        editor.refreshGutter();
    }

    private boolean isFresh() {
        return comparedText != null && comparedText.equals(document.text());
    }

    private void whenFresh(Runnable action) {
        whenFresh.add(action);
        refresh();
    }

    private Optional<LineChange> changeAt(int line) {
        var changed = changedLines.get(line);
        if (changed != null) {
            return Optional.of(changed);
        }
        return changes.get().stream().filter(change -> change.touches(line)).findFirst();
    }

    private void revert(DiffHunk hunk) {
        hidePopup();
        var text = document.text();
        try {
            var replacement = TextDiff.revertReplacement(text, hunk);
            if (document.replace(replacement.start(), replacement.end(), replacement.text())) {
                document.select(replacement.start(), replacement.start());
            }
        } catch (HunkMismatchException stale) {
            LOG.debug("The change to revert in {} is out of date", document.path(), stale);
        }
        refresh();
    }

    // ---------------------------------------------------------------- drawing

    private Node marker(int paragraph) {
        var cell = new StackPane();
        cell.getStyleClass().add("git-gutter-cell");
        cell.setMinWidth(WIDTH);
        cell.setPrefWidth(WIDTH);
        cell.setMaxHeight(Double.MAX_VALUE);
        var changed = changedLines.get(paragraph);
        var deleted = deletionsBefore.get(paragraph);
        if (changed != null) {
            var bar = new Region();
            bar.getStyleClass().addAll("git-gutter-bar",
                    changed.kind() == LineChange.Kind.ADDED ? "git-gutter-added" : "git-gutter-modified");
            bar.setMaxWidth(4);
            bar.setMaxHeight(Double.MAX_VALUE);
            StackPane.setAlignment(bar, Pos.CENTER_LEFT);
            cell.getChildren().add(bar);
        }
        if (deleted != null) {
            var triangle = new Polygon(0, 0, 7, 4, 0, 8);
            triangle.getStyleClass().add("git-gutter-deleted");
            triangle.setTranslateY(-4);
            StackPane.setAlignment(triangle, Pos.TOP_LEFT);
            cell.getChildren().add(triangle);
        }
        if (changed != null || deleted != null) {
            var change = changed != null ? changed : deleted;
            cell.getStyleClass().add("git-gutter-marked");
            cell.setCursor(Cursor.HAND);
            cell.setOnMouseClicked(event -> {
                showPopup(change, cell);
                event.consume();
            });
        }
        return cell;
    }

    private void showPopup(LineChange change, Node anchor) {
        hidePopup();
        var heading = new Label(switch (change.kind()) {
            case ADDED -> change.count() == 1 ? "Added line" : "Added " + change.count() + " lines";
            case MODIFIED -> "Changed: HEAD had";
            case DELETED -> "Deleted: HEAD had";
        });
        heading.getStyleClass().add("git-popup-heading");
        var content = new VBox(4, heading);
        var old = change.hunk().oldLines();
        if (!old.isEmpty()) {
            var shown = old.size() <= SHOWN_LINES ? old : old.subList(0, SHOWN_LINES);
            var lines = new Label(String.join("\n", shown)
                    + (old.size() > SHOWN_LINES ? "\n\u2026 " + (old.size() - SHOWN_LINES) + " more lines" : ""));
            lines.setId("git-popup-old-lines");
            lines.getStyleClass().add("git-popup-old-lines");
            content.getChildren().add(lines);
        }
        var info = new CustomMenuItem(content, false);
        info.getStyleClass().add("git-popup-info");
        var revert = new MenuItem("Revert", new FontIcon(Material2MZ.UNDO));
        revert.setId("git-revert-hunk");
        revert.setOnAction(event -> revert(change));
        popup = new ContextMenu(info, new SeparatorMenuItem(), revert);
        popup.getStyleClass().add("git-popup");
        popup.show(anchor, Side.RIGHT, 2, 0);
    }

    private void hidePopup() {
        if (popup != null) {
            popup.hide();
            popup = null;
        }
    }

    /** The popup now open, for tests. */
    Optional<ContextMenu> popup() {
        return Optional.ofNullable(popup).filter(ContextMenu::isShowing);
    }
}
