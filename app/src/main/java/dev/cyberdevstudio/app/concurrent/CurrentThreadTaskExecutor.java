package dev.cyberdevstudio.app.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** Runs work and callbacks inline on the calling thread: for view-model tests that need no toolkit. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        try {
            return CompletableFuture.completedFuture(work.call());
        } catch (Exception error) {
            return CompletableFuture.failedFuture(error);
        }
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }
}
