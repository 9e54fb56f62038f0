package dev.cyberdevstudio.app.editor;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

/**
 * Find and replace in one document: the query and its options, the number of matches, which one is selected, and
 * the commands of the bar. Every search is one linear pass over the text. Texts of {@value #LARGE_TEXT} characters
 * and more are searched on a background thread and recounted only after typing pauses, so that a large file never
 * freezes the editor; smaller ones are searched at once.
 *
 * <p>Matches of zero length (such as {@code ^} or {@code x*}) are skipped: they cannot be seen or selected.
 */
public final class FindReplaceViewModel {

    static final int LARGE_TEXT = 256 * 1024;
    private static final long RECOUNT_PAUSE_MILLIS = 200;
    private static final String WORD_CHARACTER = "[\\p{L}\\p{N}_]";

    private final DocumentViewModel document;
    private final TaskExecutor executor;

    private final ReadOnlyBooleanWrapper visible = new ReadOnlyBooleanWrapper(this, "visible");
    private final ReadOnlyBooleanWrapper replaceVisible = new ReadOnlyBooleanWrapper(this, "replaceVisible");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty replacement = new SimpleStringProperty(this, "replacement", "");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(this, "matchCase");
    private final BooleanProperty wholeWord = new SimpleBooleanProperty(this, "wholeWord");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final ReadOnlyIntegerWrapper matchCount = new ReadOnlyIntegerWrapper(this, "matchCount");
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ChangeListener<TextSelection> selectionListener = (observable, was, is) -> updateCurrentMatch();

    private Optional<Pattern> pattern = Optional.empty();
    private Matches matches = Matches.NONE;
    private boolean stale = true;
    private boolean searching;
    private int generation;
    private int pauseGeneration;

    FindReplaceViewModel(DocumentViewModel document, TaskExecutor executor) {
        this.document = document;
        this.executor = executor;
        ChangeListener<Object> queryChanged = (observable, was, is) -> queryChanged();
        query.addListener(queryChanged);
        matchCase.addListener(queryChanged);
        wholeWord.addListener(queryChanged);
        regex.addListener(queryChanged);
        document.selectionProperty().addListener(selectionListener);
    }

    // ---------------------------------------------------------------- state for the bar

    public ReadOnlyBooleanProperty visibleProperty() {
        return visible.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty replaceVisibleProperty() {
        return replaceVisible.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    public BooleanProperty wholeWordProperty() {
        return wholeWord;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public ReadOnlyIntegerProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    /** 1-based index of the match that is selected in the text; 0 when the selection is not a match. */
    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    /** "3 of 12", "12 results", "No results", "Searching…" or why the query is not a valid expression. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---------------------------------------------------------------- commands

    /** Shows the bar; a selection within one line becomes the query. */
    public void open(boolean withReplace) {
        var selected = document.selection();
        if (!selected.isEmpty() && selected.end() - selected.start() <= 200) {
            var text = document.text().substring(selected.start(), selected.end());
            if (text.indexOf('\n') < 0) {
                query.set(regex.get() ? Pattern.quote(text) : text);
            }
        }
        replaceVisible.set(withReplace && !document.isReadOnly());
        visible.set(true);
        if (stale) {
            recount(() -> { });
        }
    }

    public void close() {
        visible.set(false);
        replaceVisible.set(false);
    }

    /** Selects the first match after the selection, wrapping around at the end. */
    public void next() {
        withFreshMatches(() -> {
            int index = matches.firstStartingAtOrAfter(document.selection().end());
            selectMatch(index < matches.count() ? index : 0);
        });
    }

    /** Selects the last match before the selection, wrapping around at the start. */
    public void previous() {
        withFreshMatches(() -> {
            int index = matches.firstStartingAtOrAfter(document.selection().start()) - 1;
            selectMatch(index >= 0 ? index : matches.count() - 1);
        });
    }

    /** Replaces the selected match and selects the next one; selects the next match first when none is selected. */
    public void replaceOne() {
        if (refusedBecauseReadOnly()) {
            return;
        }
        withFreshMatches(() -> {
            int index = matches.indexOf(document.selection());
            if (index < 0) {
                next();
                return;
            }
            int start = matches.start(index);
            var text = document.text();
            Matcher matcher = pattern.orElseThrow().matcher(text);
            if (!matcher.find(start) || matcher.start() != start || matcher.end() != matches.end(index)) {
                next();
                return;
            }
            var expanded = new StringBuilder();
            try {
                matcher.appendReplacement(expanded, replacementText());
            } catch (IllegalArgumentException | IndexOutOfBoundsException invalid) {
                status.set("Invalid replacement: " + invalid.getMessage());
                return;
            }
            var inserted = expanded.substring(start);
            document.replace(start, matches.end(index), inserted);
            document.select(start + inserted.length(), start + inserted.length());
            recount(this::next);
        });
    }

    /** Replaces every match as one undoable change; returns how many were replaced. */
    public int replaceAll() {
        if (refusedBecauseReadOnly() || pattern.isEmpty()) {
            return 0;
        }
        var text = document.text();
        Matcher matcher = pattern.get().matcher(text);
        var result = new StringBuilder(text.length());
        int count = 0;
        int first = -1;
        int lastEnd = 0;
        try {
            while (matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    continue;
                }
                if (first < 0) {
                    first = matcher.start();
                }
                matcher.appendReplacement(result, replacementText());
                lastEnd = matcher.end();
                count++;
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException invalid) {
            status.set("Invalid replacement: " + invalid.getMessage());
            return 0;
        }
        if (count == 0) {
            status.set("No results");
            return 0;
        }
        var middle = result.substring(first);
        document.replace(first, lastEnd, middle);
        int caret = first + middle.length();
        document.select(caret, caret);
        recount(() -> { });
        status.set("Replaced " + count + (count == 1 ? " match" : " matches"));
        return count;
    }

    // ---------------------------------------------------------------- reacting to changes

    void documentChanged(boolean ownEdit) {
        stale = true;
        if (!visible.get() || ownEdit) {
            return;
        }
        if (document.length() < LARGE_TEXT) {
            recount(() -> { });
            return;
        }
        int pause = ++pauseGeneration;
        executor.submit(() -> {
            Thread.sleep(RECOUNT_PAUSE_MILLIS);
            return pause;
        }, waited -> {
            if (waited == pauseGeneration && stale && visible.get()) {
                recount(() -> { });
            }
        }, error -> { });
    }

    void dispose() {
        document.selectionProperty().removeListener(selectionListener);
        generation++;
        pauseGeneration++;
    }

    private void queryChanged() {
        int from = document.selection().start();
        recount(() -> {
            if (matches.count() > 0) {
                int index = matches.firstStartingAtOrAfter(from);
                selectMatch(index < matches.count() ? index : 0);
            }
        });
    }

    private void withFreshMatches(Runnable action) {
        if (stale || searching) {
            recount(action);
        } else {
            action.run();
        }
    }

    private void recount(Runnable then) {
        int run = ++generation;
        pattern = compile();
        if (pattern.isEmpty()) {
            matches = Matches.NONE;
            stale = false;
            searching = false;
            publish();
            return;
        }
        var compiled = pattern.get();
        var text = document.text();
        stale = false;
        if (text.length() < LARGE_TEXT) {
            matches = Matches.find(compiled, text);
            searching = false;
            publish();
            then.run();
            return;
        }
        searching = true;
        status.set("Searching…");
        executor.submit(() -> Matches.find(compiled, text), found -> {
            if (run == generation) {
                matches = found;
                searching = false;
                publish();
                then.run();
            }
        }, error -> {
            if (run == generation) {
                searching = false;
                status.set("Search failed: " + error.getMessage());
            }
        });
    }

    private Optional<Pattern> compile() {
        var text = query.get();
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        var source = regex.get() ? text : Pattern.quote(text);
        if (wholeWord.get()) {
            source = "(?<!" + WORD_CHARACTER + ")(?:" + source + ")(?!" + WORD_CHARACTER + ")";
        }
        int flags = Pattern.MULTILINE | (matchCase.get() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        try {
            return Optional.of(Pattern.compile(source, flags));
        } catch (PatternSyntaxException invalid) {
            status.set("Invalid regular expression: " + invalid.getDescription());
            return Optional.empty();
        }
    }

    private String replacementText() {
        var text = replacement.get() == null ? "" : replacement.get();
        return regex.get() ? text : Matcher.quoteReplacement(text);
    }

    private boolean refusedBecauseReadOnly() {
        if (document.isReadOnly()) {
            status.set("The file is read-only");
            return true;
        }
        return false;
    }

    private void selectMatch(int index) {
        if (index < 0 || index >= matches.count()) {
            publish();
            return;
        }
        document.select(matches.start(index), matches.end(index));
        updateCurrentMatch();
    }

    private void updateCurrentMatch() {
        if (stale || searching) {
            return;
        }
        currentMatch.set(matches.indexOf(document.selection()) + 1);
        publishStatus();
    }

    private void publish() {
        matchCount.set(matches.count());
        currentMatch.set(matches.indexOf(document.selection()) + 1);
        publishStatus();
    }

    private void publishStatus() {
        if (pattern.isEmpty()) {
            if (query.get() == null || query.get().isEmpty()) {
                status.set("");
            }
            return;
        }
        int count = matches.count();
        if (count == 0) {
            status.set("No results");
        } else if (currentMatch.get() > 0) {
            status.set(currentMatch.get() + " of " + count);
        } else {
            status.set(count + (count == 1 ? " result" : " results"));
        }
    }

    /** Start and end offsets of the non-empty matches, in order; built in one pass over the text. */
    record Matches(int[] starts, int[] ends, int count) {

        static final Matches NONE = new Matches(new int[0], new int[0], 0);

        static Matches find(Pattern pattern, String text) {
            var matcher = pattern.matcher(text);
            int[] starts = new int[16];
            int[] ends = new int[16];
            int count = 0;
            while (matcher.find()) {
                if (matcher.end() == matcher.start()) {
                    continue;
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = matcher.start();
                ends[count] = matcher.end();
                count++;
            }
            return new Matches(starts, ends, count);
        }

        int start(int index) {
            return starts[index];
        }

        int end(int index) {
            return ends[index];
        }

        /** Index of the first match that starts at or after {@code offset}; {@code count} when none does. */
        int firstStartingAtOrAfter(int offset) {
            int low = 0;
            int high = count;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts[middle] < offset) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Index of the match that is exactly {@code selection}, or -1. */
        int indexOf(TextSelection selection) {
            int index = firstStartingAtOrAfter(selection.start());
            return index < count && starts[index] == selection.start() && ends[index] == selection.end()
                    ? index : -1;
        }
    }
}
