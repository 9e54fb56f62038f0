package dev.cyberdevstudio.engine.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search in files: literal or regular-expression matches, line by line, over a project's files, reported file by
 * file as they are found.
 *
 * <pre>{@code
 * var search = TextSearch.start(index, SearchQuery.of("TODO"), fileMatches -> view.add(fileMatches));
 * search.done().thenAccept(summary -> status.set(summary.describe()));   // "37 matches in 9 files"
 * search.cancel();
 * }</pre>
 *
 * <p>Runs on its own virtual thread. Files are read whole as UTF-8 (bad bytes become U+FFFD); a file with a NUL
 * byte in its first {@value #BINARY_PROBE} bytes counts as binary and is skipped, as is one bigger than the query's
 * size limit. A match never spans lines (it is cut at the end of its first line) and empty matches are not
 * reported. Lines longer than {@value #MAX_LINE_TEXT} chars are shown around their first match.
 */
public final class TextSearch {

    static final int BINARY_PROBE = 8192;
    static final int MAX_LINE_TEXT = 400;
    private static final int CONTEXT_BEFORE = 60;
    private static final Logger LOG = LoggerFactory.getLogger(TextSearch.class);

    private final Path root;
    private final List<String> files;
    private final SearchQuery query;
    private final Consumer<List<TextMatch>> onFile;
    private final SearchHandle handle;
    private int matches;
    private int shown;
    private int matchedFiles;
    private int searched;
    private int skippedBinary;
    private int skippedLarge;
    private int unreadable;

    private TextSearch(Path root, List<String> files, SearchQuery query, Consumer<List<TextMatch>> onFile,
                       SearchHandle handle) {
        this.root = root;
        this.files = files;
        this.query = query;
        this.onFile = onFile;
        this.handle = handle;
    }

    /** Searches the files of {@code index} (as indexed now) in the background. */
    public static SearchHandle start(FileIndex index, SearchQuery query, Consumer<List<TextMatch>> onFile) {
        return start(index.root(), index.files(), query, onFile);
    }

    /**
     * Searches {@code files} (relative to {@code root}, '/'-separated, in the order given) in the background;
     * {@code onFile} gets the matching lines of one file at a time, on the search's thread.
     */
    public static SearchHandle start(Path root, List<String> files, SearchQuery query,
                                     Consumer<List<TextMatch>> onFile) {
        var handle = new SearchHandle();
        var search = new TextSearch(root.toAbsolutePath().normalize(), List.copyOf(files), query, onFile, handle);
        Thread.ofVirtual().name("text-search").start(search::run);
        return handle;
    }

    private void run() {
        var started = System.nanoTime();
        try {
            switch (query.compile()) {
                case SearchQuery.Compiled.Invalid invalid -> handle.finish(SearchSummary.invalid(invalid.message()));
                case SearchQuery.Compiled.Ready ready -> {
                    var cancelled = searchAll(ready);
                    handle.finish(summary(cancelled ? SearchSummary.Outcome.CANCELLED
                            : SearchSummary.Outcome.COMPLETED, Optional.empty(), started));
                }
            }
        } catch (RuntimeException failed) {
            LOG.warn("Searching {} for {} failed", root, query.text(), failed);
            handle.finish(summary(SearchSummary.Outcome.FAILED, Optional.of(String.valueOf(failed.getMessage())),
                    started));
        }
    }

    private SearchSummary summary(SearchSummary.Outcome outcome, Optional<String> problem, long started) {
        return new SearchSummary(outcome, matches, shown, matchedFiles, searched, skippedBinary, skippedLarge,
                unreadable, problem, Duration.ofNanos(System.nanoTime() - started), query.maxFileSize());
    }

    /** Returns whether it was cancelled. */
    private boolean searchAll(SearchQuery.Compiled.Ready ready) {
        for (var relative : files) {
            if (handle.isCancelled() || Thread.currentThread().isInterrupted()) {
                return true;
            }
            if (!selected(relative, ready)) {
                continue;
            }
            var file = root.resolve(relative);
            try {
                if (Files.size(file) > query.maxFileSize()) {
                    skippedLarge++;
                    continue;
                }
                var bytes = Files.readAllBytes(file);
                if (isBinary(bytes)) {
                    skippedBinary++;
                    continue;
                }
                searched++;
                var found = search(file, relative, new String(bytes, StandardCharsets.UTF_8), ready.pattern());
                if (!found.isEmpty() && !handle.isCancelled()) {
                    onFile.accept(found);
                }
            } catch (IOException error) {
                unreadable++;
                LOG.debug("Cannot search {}: {}", file, error.getMessage());
            }
        }
        return handle.isCancelled();
    }

    private static boolean selected(String relative, SearchQuery.Compiled.Ready ready) {
        if (!ready.include().isEmpty() && ready.include().stream().noneMatch(glob -> glob.matcher(relative).matches())) {
            return false;
        }
        return ready.exclude().stream().noneMatch(glob -> glob.matcher(relative).matches());
    }

    static boolean isBinary(byte[] bytes) {
        var probe = Math.min(bytes.length, BINARY_PROBE);
        for (var i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private List<TextMatch> search(Path file, String relative, String text, Pattern pattern) {
        var found = new ArrayList<TextMatch>();
        var matcher = pattern.matcher(text);
        var lineNumber = 1;
        var lineStart = 0;
        var lineEnd = lineEnd(text, 0);
        var ranges = new ArrayList<int[]>();
        var fileMatches = 0;
        while (matcher.find()) {
            var start = matcher.start();
            var end = matcher.end();
            if (end == start) {
                continue;
            }
            if (start >= lineEnd) {
                flush(found, file, relative, text, lineNumber, lineStart, lineEnd, ranges);
                while (start >= lineEnd) {
                    lineStart = nextLineStart(text, lineEnd);
                    lineEnd = lineEnd(text, lineStart);
                    lineNumber++;
                }
            }
            if (start < lineStart) {
                // It began in a line break: what shows of it is on the next line, if anything.
                start = lineStart;
                if (end <= start) {
                    continue;
                }
            }
            fileMatches++;
            matches++;
            if (shown < query.maxMatches()) {
                shown++;
                ranges.add(new int[] {start - lineStart, Math.max(start, Math.min(end, lineEnd)) - lineStart});
            }
            if ((matches & 0xFFF) == 0 && handle.isCancelled()) {
                break;
            }
        }
        flush(found, file, relative, text, lineNumber, lineStart, lineEnd, ranges);
        if (fileMatches > 0) {
            matchedFiles++;
        }
        return found;
    }

    private static void flush(List<TextMatch> found, Path file, String relative, String text, int lineNumber,
                              int lineStart, int lineEnd, List<int[]> ranges) {
        if (ranges.isEmpty()) {
            return;
        }
        var length = lineEnd - lineStart;
        var from = 0;
        var to = length;
        if (length > MAX_LINE_TEXT) {
            from = Math.max(0, ranges.getFirst()[0] - CONTEXT_BEFORE);
            to = Math.min(length, from + MAX_LINE_TEXT);
        }
        var shownRanges = new ArrayList<MatchRange>(ranges.size());
        for (var range : ranges) {
            if (range[0] < to) {
                shownRanges.add(new MatchRange(range[0] - from, Math.min(range[1], to) - from));
            }
        }
        found.add(new TextMatch(file, relative, lineNumber, ranges.getFirst()[0] + 1,
                text.substring(lineStart + from, lineStart + to), shownRanges));
        ranges.clear();
    }

    /** Where the line that starts at {@code start} ends, before its line break. */
    private static int lineEnd(String text, int start) {
        for (var i = start; i < text.length(); i++) {
            var c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return text.length();
    }

    private static int nextLineStart(String text, int lineEnd) {
        if (lineEnd >= text.length()) {
            return text.length() + 1;
        }
        if (text.charAt(lineEnd) == '\r' && lineEnd + 1 < text.length() && text.charAt(lineEnd + 1) == '\n') {
            return lineEnd + 2;
        }
        return lineEnd + 1;
    }
}
