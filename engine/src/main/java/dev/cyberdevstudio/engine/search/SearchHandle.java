package dev.cyberdevstudio.engine.search;

import java.util.concurrent.CompletableFuture;

/** A search in files that is running or has ended. */
public final class SearchHandle {

    private final CompletableFuture<SearchSummary> done = new CompletableFuture<>();
    private volatile boolean cancelled;

    SearchHandle() {
    }

    /** Asks the search to stop; it ends with {@link SearchSummary.Outcome#CANCELLED} after the file it is reading. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Completes with the summary once the search has ended; no results are reported after that. */
    public CompletableFuture<SearchSummary> done() {
        return done;
    }

    public boolean isRunning() {
        return !done.isDone();
    }

    void finish(SearchSummary summary) {
        done.complete(summary);
    }
}
