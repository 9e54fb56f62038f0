package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.files.LoadMode;
import dev.cyberdevstudio.engine.files.LoadResult;
import dev.cyberdevstudio.engine.files.TextFiles;
import dev.cyberdevstudio.engine.lsp.SourceLocation;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A list of places in files, found by a command (the references of a symbol), each with its line's text. The lines
 * come from open documents when the file is open and from the disk otherwise, read in the background.
 */
public final class LocationsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LocationsViewModel.class);
    private static final Comparator<SourceLocation> BY_PLACE = Comparator
            .comparing((SourceLocation location) -> location.file().toString())
            .thenComparing(location -> location.span().start());

    private final TaskExecutor executor;
    private final Function<Path, Optional<String>> openText;
    private final Navigator navigator;
    private final ObservableList<LocationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<LocationRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private long shown;

    /**
     * @param openText the text of a file that is open in an editor, which may differ from the disk
     */
    public LocationsViewModel(TaskExecutor executor, Function<Path, Optional<String>> openText, Navigator navigator) {
        this.executor = executor;
        this.openText = openText;
        this.navigator = navigator;
    }

    public ObservableList<LocationRow> rows() {
        return rowsView;
    }

    /** What the list shows, e.g. "3 references to greet in 2 files". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Shows {@code locations} under {@code what} ("references to greet"), sorted by file and line. */
    public void show(String what, List<SourceLocation> locations) {
        long request = ++shown;
        var sorted = new ArrayList<>(locations);
        sorted.sort(BY_PLACE);
        long files = sorted.stream().map(SourceLocation::file).distinct().count();
        title.set(sorted.isEmpty() ? "No " + what
                : sorted.size() + " " + what + " in " + files + (files == 1 ? " file" : " files"));
        var known = new HashMap<Path, String>();
        sorted.stream().map(SourceLocation::file).distinct()
                .forEach(file -> openText.apply(file).ifPresent(text -> known.put(file, text)));
        rows.setAll(sorted.stream().map(location -> new LocationRow(location, "")).toList());
        executor.submit(() -> previews(sorted, known), previewed -> {
            if (request == shown) {
                rows.setAll(previewed);
            }
        }, error -> LOG.warn("Could not read the lines of {}", what, error));
    }

    public void clear() {
        shown++;
        rows.clear();
        title.set("");
    }

    public void open(LocationRow row) {
        navigator.openAt(row.file(), row.line(), row.column());
    }

    private static List<LocationRow> previews(List<SourceLocation> locations, Map<Path, String> known) {
        var texts = new HashMap<>(known);
        var result = new ArrayList<LocationRow>(locations.size());
        for (var location : locations) {
            var text = texts.computeIfAbsent(location.file(), LocationsViewModel::read);
            var index = LineIndex.of(text);
            int line = location.span().start().line();
            var preview = "";
            if (line < index.lineCount()) {
                int start = index.offset(new TextPosition(line, 0));
                int end = text.indexOf('\n', start);
                preview = text.substring(start, end < 0 ? text.length() : end).strip();
            }
            result.add(new LocationRow(location, preview));
        }
        return result;
    }

    private static String read(Path file) {
        return TextFiles.load(file, LoadMode.NORMAL) instanceof LoadResult.Text text ? text.text() : "";
    }
}
