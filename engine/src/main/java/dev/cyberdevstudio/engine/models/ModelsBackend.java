package dev.cyberdevstudio.engine.models;

import dev.cyberdevstudio.llm.LlmRuntime;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.library.InstalledModel;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /**
     * Adds a model the user found elsewhere to the catalog, kept in the user's catalog file. Its file name is the
     * last segment of the URL's path; without a SHA-256 its download is shown as unverified.
     *
     * @throws dev.cyberdevstudio.engine.EngineException with the reason for a URL that is not http(s) or names no
     *                                                   file, a malformed checksum, or a file the catalog already has
     */
    CatalogEntry addCatalogEntry(URI url, String name, ModelRole role, Optional<String> sha256, Optional<Long> size);

    /**
     * Removes an entry the user added; files already downloaded stay.
     *
     * @throws dev.cyberdevstudio.engine.EngineException for an unknown id or one of the bundled entries
     */
    void removeCatalogEntry(String id);

    /**
     * Copies a GGUF file from elsewhere into the models folder (the original stays) and lists it as unverified.
     *
     * @throws dev.cyberdevstudio.engine.EngineException naming the file and the cause when it is not a readable GGUF
     *                                                   file (nothing is copied), the folder already has a file of
     *                                                   that name, or the copy fails
     */
    InstalledModel addLocalFile(Path file);

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
