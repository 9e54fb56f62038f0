package dev.cyberdevstudio.app.search;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.search.FileIndex;
import dev.cyberdevstudio.engine.search.FileMatch;
import dev.cyberdevstudio.engine.search.QuickOpenQuery;
import dev.cyberdevstudio.engine.search.QuickOpenResult;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quick open ("Go to File…"): what was typed, the files that match it best, the selected one, and opening it.
 *
 * <pre>{@code
 * var quickOpen = new QuickOpenViewModel(executor, FileOpener.into(editors));
 * quickOpen.setIndex(FileIndex.open(projectFolder));
 * quickOpen.queryProperty().set("mwin:42");   // results arrive on the UI thread; Enter calls openSelected()
 * }</pre>
 *
 * Queries run through the {@link TaskExecutor}, one at a time: while one runs, only the newest text typed meanwhile
 * is queued, and an answer for text that is no longer there is dropped. An empty query lists the recently opened
 * files first. Everything else is called on the UI thread.
 */
public final class QuickOpenViewModel {

    /** How many files the list shows. */
    public static final int LIMIT = 200;
    private static final int RECENT_LIMIT = 30;
    private static final Logger LOG = LoggerFactory.getLogger(QuickOpenViewModel.class);

    private final TaskExecutor executor;
    private final FileOpener opener;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<QuickOpenItem> items = FXCollections.observableArrayList();
    private final ObservableList<QuickOpenItem> readOnlyItems = FXCollections.unmodifiableObservableList(items);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    /** Relative paths, most recent first. */
    private final Deque<String> recent = new ArrayDeque<>();
    private Runnable onClose = () -> { };
    private FileIndex index;
    private boolean querying;
    private boolean queryPending;
    private QuickOpenQuery shownQuery = QuickOpenQuery.parse("");

    public QuickOpenViewModel(TaskExecutor executor, FileOpener opener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.opener = Objects.requireNonNull(opener, "opener");
        query.addListener((property, before, after) -> refresh());
    }

    /** What was typed: a fuzzy file pattern, maybe with {@code :line} or {@code :line:column}. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The files shown, best first. */
    public ObservableList<QuickOpenItem> items() {
        return readOnlyItems;
    }

    /** The row Enter opens; -1 when there is none. */
    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    /** A line under the list: how many files match, that indexing is going on, or why nothing shows. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Called once a file was opened or Esc was pressed: the popup hides. */
    public void setOnClose(Runnable onClose) {
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    /** The project's index (null when no project is open); the recent files are kept per project. */
    public void setIndex(FileIndex index) {
        if (this.index != index) {
            recent.clear();
        }
        this.index = index;
        if (index != null && !index.isReady()) {
            index.ready().whenComplete((ready, error) -> executor.runOnUi(() -> {
                if (this.index == index) {
                    refresh();
                }
            }));
        }
        refresh();
    }

    /** Notes a file the user opened (here or anywhere else), so that an empty query lists it first. */
    public void noteOpened(Path file) {
        if (index == null) {
            return;
        }
        var absolute = file.toAbsolutePath().normalize();
        if (!absolute.startsWith(index.root())) {
            return;
        }
        var relative = index.root().relativize(absolute).toString().replace('\\', '/');
        recent.remove(relative);
        recent.addFirst(relative);
        while (recent.size() > RECENT_LIMIT) {
            recent.removeLast();
        }
    }

    /** Starts afresh: empty text, recent files listed. Call before showing the popup. */
    public void reset() {
        if (query.get().isEmpty()) {
            refresh();
        } else {
            query.set("");
        }
    }

    /** Moves the selection by {@code delta} rows, wrapping around the ends. */
    public void moveSelection(int delta) {
        if (items.isEmpty()) {
            selectedIndex.set(-1);
            return;
        }
        var next = Math.floorMod(Math.max(selectedIndex.get(), 0) + delta, items.size());
        selectedIndex.set(selectedIndex.get() < 0 && delta > 0 ? 0 : next);
    }

    /** Opens the selected file (at the typed line, if any) and closes; false when nothing is selected. */
    public boolean openSelected() {
        var at = selectedIndex.get();
        if (index == null || at < 0 || at >= items.size()) {
            return false;
        }
        var file = index.resolve(items.get(at).path());
        noteOpened(file);
        var line = shownQuery.line().orElse(0);
        var column = shownQuery.column().orElse(line > 0 ? 1 : 0);
        onClose.run();
        opener.open(file, line, column);
        return true;
    }

    /** Closes without opening anything. */
    public void cancel() {
        onClose.run();
    }

    private void refresh() {
        if (index == null) {
            querying = false;
            queryPending = false;
            items.clear();
            selectedIndex.set(-1);
            status.set("Open a folder to find its files");
            return;
        }
        if (querying) {
            queryPending = true;
            return;
        }
        querying = true;
        var asked = query.get();
        var searched = index;
        executor.submit(() -> searched.query(asked, LIMIT), result -> answered(searched, asked, result), error -> {
            LOG.warn("Quick open failed for {}", asked, error);
            querying = false;
            status.set("Cannot search the files: " + error.getMessage());
        });
    }

    private void answered(FileIndex searched, String asked, QuickOpenResult result) {
        querying = false;
        if (queryPending || searched != index || !asked.equals(query.get())) {
            queryPending = false;
            refresh();
            return;
        }
        show(result);
    }

    private void show(QuickOpenResult result) {
        shownQuery = result.query();
        var rows = new ArrayList<QuickOpenItem>();
        if (result.query().pattern().isEmpty()) {
            var listed = new HashSet<String>();
            for (var path : recent) {
                if (index.contains(path)) {
                    rows.add(new QuickOpenItem(new FileMatch(path, 0, new int[0]), true));
                    listed.add(path);
                }
            }
            result.matches().stream().filter(match -> !listed.contains(match.path()))
                    .map(match -> new QuickOpenItem(match, false)).forEach(rows::add);
            if (rows.size() > LIMIT) {
                rows.subList(LIMIT, rows.size()).clear();
            }
        } else {
            result.matches().forEach(match -> rows.add(new QuickOpenItem(match, false)));
        }
        items.setAll(rows);
        selectedIndex.set(rows.isEmpty() ? -1 : 0);
        status.set(describe(result));
    }

    private static String describe(QuickOpenResult result) {
        var text = new StringBuilder();
        if (result.query().pattern().isEmpty()) {
            text.append(String.format(Locale.ROOT, "%,d files", result.searched()));
        } else if (result.matched() == 0) {
            text.append("No file matches ").append(result.query().pattern());
        } else if (result.matched() > result.matches().size()) {
            text.append(String.format(Locale.ROOT, "%,d of %,d matching files", result.matches().size(),
                    result.matched()));
        } else {
            text.append(String.format(Locale.ROOT, "%,d matching %s", result.matched(),
                    result.matched() == 1 ? "file" : "files"));
        }
        result.query().line().ifPresent(line -> text.append(" · go to line ").append(line)
                .append(result.query().column().isPresent() ? ", column " + result.query().column().getAsInt() : ""));
        if (result.indexing()) {
            text.append(" · indexing…");
        }
        return text.toString();
    }

    /** The selected row, if any. */
    public Optional<QuickOpenItem> selected() {
        var at = selectedIndex.get();
        return at >= 0 && at < items.size() ? Optional.of(items.get(at)) : Optional.empty();
    }

    /** The recently opened files, relative, most recent first. */
    public List<String> recentFiles() {
        return List.copyOf(recent);
    }
}
