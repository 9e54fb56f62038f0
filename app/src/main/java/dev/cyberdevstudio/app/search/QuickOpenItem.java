package dev.cyberdevstudio.app.search;

import dev.cyberdevstudio.engine.search.FileMatch;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of quick open: a file of the project, with the characters the query matched.
 *
 * @param match  the file and its matched positions
 * @param recent whether it comes from the recently opened files
 */
public record QuickOpenItem(FileMatch match, boolean recent) {

    public QuickOpenItem {
        Objects.requireNonNull(match, "match");
    }

    public String path() {
        return match.path();
    }

    /** The file name with its matched characters highlighted. */
    public HighlightedText name() {
        var start = match.nameStart();
        var inName = Arrays.stream(match.positions()).filter(position -> position >= start)
                .map(position -> position - start).toArray();
        return HighlightedText.ofPositions(match.name(), inName);
    }

    /** The folder (relative to the project) with its matched characters highlighted. */
    public HighlightedText folder() {
        var folder = match.folder();
        var inFolder = Arrays.stream(match.positions()).filter(position -> position < folder.length()).toArray();
        return HighlightedText.ofPositions(folder, inFolder);
    }
}
