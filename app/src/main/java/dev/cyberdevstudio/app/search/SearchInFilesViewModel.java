package dev.cyberdevstudio.app.search;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.search.FileIndex;
import dev.cyberdevstudio.engine.search.SearchHandle;
import dev.cyberdevstudio.engine.search.SearchQuery;
import dev.cyberdevstudio.engine.search.SearchSummary;
import dev.cyberdevstudio.engine.search.TextMatch;
import dev.cyberdevstudio.engine.search.TextSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search in files ("Find in Files…"): the query and its options, the results grouped by file as they stream in, a
 * summary, and opening a result.
 *
 * <pre>{@code
 * var search = new SearchInFilesViewModel(executor, FileOpener.into(editors));
 * search.setIndex(index);
 * search.queryProperty().set("TODO");
 * search.search();          // results() fills file by file; summaryProperty() says "37 matches in 9 files"
 * }</pre>
 *
 * The search runs on the engine's thread; its results reach the UI thread in batches (one hop per batch, however
 * many files arrived meanwhile). A new search or {@link #stop()} ends the running one and drops its late results.
 * A bad regular expression or glob shows in {@link #problemProperty()} as it is typed. Called on the UI thread.
 */
public final class SearchInFilesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SearchInFilesViewModel.class);

    private final TaskExecutor executor;
    private final FileOpener opener;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty include = new SimpleStringProperty(this, "include", "");
    private final StringProperty exclude = new SimpleStringProperty(this, "exclude", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(this, "matchCase");
    private final BooleanProperty wholeWord = new SimpleBooleanProperty(this, "wholeWord");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ObservableList<FileResults> results = FXCollections.observableArrayList();
    private final ObservableList<FileResults> readOnlyResults = FXCollections.unmodifiableObservableList(results);
    private FileIndex index;
    private SearchHandle current;
    private long generation;
    private int shownMatches;

    public SearchInFilesViewModel(TaskExecutor executor, FileOpener opener) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.opener = Objects.requireNonNull(opener, "opener");
        query.addListener((property, before, after) -> checkQuery());
        regex.addListener((property, before, after) -> checkQuery());
        include.addListener((property, before, after) -> checkQuery());
        exclude.addListener((property, before, after) -> checkQuery());
        summary.set("Open a folder to search in its files");
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Comma-separated globs of the files to search ({@code *.py, src/**}); empty for all. */
    public StringProperty includeProperty() {
        return include;
    }

    /** Comma-separated globs of files to leave out. */
    public StringProperty excludeProperty() {
        return exclude;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    public BooleanProperty wholeWordProperty() {
        return wholeWord;
    }

    /** Why the query cannot run (a bad regular expression or glob), shown beside the field; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "37 matches in 9 files", "Searching… 12 matches in 3 files", "search stopped: …". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The files with matches, in the order they were found. */
    public ObservableList<FileResults> results() {
        return readOnlyResults;
    }

    /** The project's index (null when no project is open); stops a running search and clears the results. */
    public void setIndex(FileIndex index) {
        stop();
        this.index = index;
        results.clear();
        summary.set(index == null ? "Open a folder to search in its files" : "");
    }

    /** Starts searching with the current query and options, ending a search still running. */
    public void search() {
        stop();
        results.clear();
        shownMatches = 0;
        if (index == null) {
            summary.set("Open a folder to search in its files");
            return;
        }
        var asked = currentQuery();
        var trouble = asked.problem();
        if (trouble.isPresent()) {
            problem.set(asked.text().isEmpty() ? "" : trouble.get());
            summary.set(asked.text().isEmpty() ? "Type something to search for" : "");
            return;
        }
        problem.set("");
        var started = ++generation;
        var searched = index;
        var arrived = new ConcurrentLinkedQueue<List<TextMatch>>();
        var drainScheduled = new AtomicBoolean();
        running.set(true);
        summary.set("Searching…");
        executor.submit(() -> TextSearch.start(searched, asked, found -> {
            arrived.add(found);
            if (drainScheduled.compareAndSet(false, true)) {
                executor.runOnUi(() -> {
                    drainScheduled.set(false);
                    drain(started, arrived);
                });
            }
        }), handle -> searchStarted(started, handle, arrived), error -> {
            LOG.warn("Search in files failed to start", error);
            if (started == generation) {
                running.set(false);
                summary.set("search stopped: " + error.getMessage());
            }
        });
    }

    /** Stops the running search, if any; what was found stays. */
    public void stop() {
        generation++;
        if (current != null) {
            current.cancel();
            current = null;
        }
        if (running.get()) {
            running.set(false);
            summary.set("search stopped: cancelled" + (shownMatches > 0 ? "; " + progress() : ""));
        }
    }

    /** Opens the file of {@code line} with the caret on its first match. */
    public void open(TextMatch line) {
        opener.open(line.file(), line.line(), line.column());
    }

    /** Opens {@code file} at its first match. */
    public void open(FileResults file) {
        open(file.lines().getFirst());
    }

    private void searchStarted(long started, SearchHandle handle, ConcurrentLinkedQueue<List<TextMatch>> arrived) {
        if (started != generation) {
            handle.cancel();
            return;
        }
        current = handle;
        handle.done().whenComplete((done, error) -> executor.runOnUi(() -> {
            if (started != generation) {
                return;
            }
            drain(started, arrived);
            current = null;
            running.set(false);
            summary.set(error == null ? done.describe() : "search stopped: " + error.getMessage());
            if (done != null && done.outcome() == SearchSummary.Outcome.INVALID) {
                problem.set(done.describe());
            }
        }));
    }

    private void drain(long started, ConcurrentLinkedQueue<List<TextMatch>> arrived) {
        if (started != generation) {
            arrived.clear();
            return;
        }
        var batch = new ArrayList<FileResults>();
        for (var found = arrived.poll(); found != null; found = arrived.poll()) {
            var file = FileResults.of(found);
            shownMatches += file.matchCount();
            batch.add(file);
        }
        if (!batch.isEmpty()) {
            results.addAll(batch);
            if (running.get()) {
                summary.set("Searching… " + progress());
            }
        }
    }

    private String progress() {
        return shownMatches + (shownMatches == 1 ? " match" : " matches") + " in " + results.size()
                + (results.size() == 1 ? " file" : " files");
    }

    private SearchQuery currentQuery() {
        return SearchQuery.of(query.get()).withRegex(regex.get()).withMatchCase(matchCase.get())
                .withWholeWord(wholeWord.get()).withInclude(include.get()).withExclude(exclude.get());
    }

    private void checkQuery() {
        var asked = currentQuery();
        problem.set(asked.text().isEmpty() ? "" : asked.problem().orElse(""));
    }
}
