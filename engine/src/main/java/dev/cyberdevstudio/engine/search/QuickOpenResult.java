package dev.cyberdevstudio.engine.search;

import java.util.List;
import java.util.Objects;

/**
 * What quick open found for one query.
 *
 * @param query    the parsed query (its line and column go to the editor)
 * @param matches  the best files, best first, at most the limit asked for
 * @param matched  how many files matched in all
 * @param searched how many files the index held when asked
 * @param indexing whether the first walk of the project was still going (more files may come)
 */
public record QuickOpenResult(QuickOpenQuery query, List<FileMatch> matches, int matched, int searched,
                              boolean indexing) {

    public QuickOpenResult {
        Objects.requireNonNull(query, "query");
        matches = List.copyOf(matches);
    }
}
