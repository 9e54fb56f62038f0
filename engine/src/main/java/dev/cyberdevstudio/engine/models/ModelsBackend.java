package dev.cyberdevstudio.engine.models;

import dev.cyberdevstudio.llm.LlmRuntime;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.library.InstalledModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The local models as the admin pane (and later the server's {@code admin.*} methods) sees them: what can be
 * downloaded, what is on disk, downloads under way, and the runtime that loads models into memory.
 * {@code LocalModels} implements it over the catalog, library, downloader and llama.cpp runtime of the data folder.
 *
 * <p>Methods may touch the disk or the network: call them off the UI thread. Failures are
 * {@link dev.cyberdevstudio.models.ModelsException}s whose message names the file and the cause.
 */
public interface ModelsBackend {

    /** The bundled recommendations and the user's own entries. */
    List<CatalogEntry> catalog();

    /** The model files in the models folder, as last scanned. */
    List<InstalledModel> installed();

    /**
     * Starts (or resumes from its partial file) the download of {@code entry}; the file joins {@link #installed()}
     * once verified. Fails at once when the folder lacks the space for the file.
     */
    DownloadHandle download(CatalogEntry entry);

    /** Downloads running, paused or retrying now, those resumed after a restart included. */
    List<DownloadHandle> activeDownloads();

    /** Hashes the file and compares it with its catalog entry's SHA-256. */
    CompletableFuture<InstalledModel> verify(Path file);

    /** Deletes the file and its library entry. */
    void delete(Path file);

    /** Loads, unloads and lists models in memory, and checks first whether one fits. */
    LlmRuntime runtime();

    /** Called (on any thread) whenever {@link #installed()} may have changed. */
    void addLibraryListener(Runnable listener);
}
