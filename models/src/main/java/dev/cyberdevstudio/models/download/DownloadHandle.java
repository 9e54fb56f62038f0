package dev.cyberdevstudio.models.download;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A download of one model file. The file appears under its final name only after its SHA-256 (when one was
 * published) matched; until then it lives as a partial file beside it, which survives a restart and is resumed.
 */
public interface DownloadHandle {

    String id();

    DownloadProgress progress();

    /** Called on the downloader's thread at most a few times a second, and on every state change. */
    void onProgress(Consumer<DownloadProgress> listener);

    void pause();

    void resume();

    /** Stops and deletes the partial file. */
    void cancel();

    /** Completes with the verified file; completes exceptionally with a ModelsException naming the cause. */
    CompletableFuture<Path> completion();
}
