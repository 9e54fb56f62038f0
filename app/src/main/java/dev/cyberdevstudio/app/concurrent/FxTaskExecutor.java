package dev.cyberdevstudio.app.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;

/** Background work on virtual threads, callbacks on the JavaFX application thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work) {
        var future = new CompletableFuture<T>();
        background.execute(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable error) {
                future.completeExceptionally(error);
            }
        });
        return future;
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
