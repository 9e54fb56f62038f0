package dev.cyberdevstudio.app.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * The one seam through which view models and panes run slow work away from the FX thread and come back to it.
 *
 * <pre>{@code
 * executor.submit(() -> files.load(path), loaded -> tab.show(loaded), error -> status.show(error.getMessage()));
 * }</pre>
 *
 * {@link FxTaskExecutor} runs work on virtual threads and callbacks on the FX thread;
 * {@link CurrentThreadTaskExecutor} runs everything inline so that view models can be tested without a toolkit.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background; the future completes on the background thread. */
    <T> CompletableFuture<T> submit(Callable<T> work);

    /** Runs {@code action} on the UI thread. */
    void runOnUi(Runnable action);

    /** Runs {@code work} in the background and hands its result or failure to the UI thread. */
    default <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess,
                                            Consumer<? super Throwable> onFailure) {
        var future = submit(work);
        future.whenComplete((value, error) -> runOnUi(() -> {
            if (error == null) {
                onSuccess.accept(value);
            } else {
                onFailure.accept(unwrap(error));
            }
        }));
        return future;
    }

    private static Throwable unwrap(Throwable error) {
        var cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
