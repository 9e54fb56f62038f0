package dev.cyberdevstudio.engine.models;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.home.StudioHome;
import dev.cyberdevstudio.llm.LlamaRuntime;
import dev.cyberdevstudio.llm.LlmRuntime;
import dev.cyberdevstudio.llm.UsageRecorder;
import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelCatalog;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.download.ModelDownloader;
import dev.cyberdevstudio.models.gguf.GgufReader;
import dev.cyberdevstudio.models.library.InstalledModel;
import dev.cyberdevstudio.models.library.ModelLibrary;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local models of one data folder ({@code StudioHome.root()/models}): the catalog, the files in the folder, the
 * downloads into it and the llama.cpp runtime that loads them. What the admin pane and the playground use.
 *
 * <pre>{@code
 * try (var models = LocalModels.open(home, ledger)) {       // the ledger records every request's tokens
 *     var entry = models.catalog().getFirst();
 *     models.download(entry).completion().join();           // verified, then in models.installed()
 *     var loaded = models.runtime().load(models.installed().getFirst().file(), LoadParameters.defaults()).join();
 * }
 * }</pre>
 */
public final class LocalModels implements ModelsBackend, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalModels.class);

    private final Path folder;
    private final ModelCatalog catalog;
    private final ModelLibrary library;
    private final ModelDownloader downloader;
    private final LlmRuntime runtime;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    LocalModels(Path folder, ModelCatalog catalog, ModelLibrary library, ModelDownloader downloader,
                LlmRuntime runtime) {
        this.folder = folder;
        this.catalog = catalog;
        this.library = library;
        this.downloader = downloader;
        this.runtime = runtime;
        library.addListener(models -> changed());
        downloader.onCompleted(done -> library.recordDownload(done.file(), done.catalogId(), done.sha256(),
            done.verified()));
    }

    /**
     * Opens the models folder of {@code home} (creating it), resumes downloads a previous run left unfinished, and
     * starts the runtime, which writes every request to {@code usage}.
     */
    public static LocalModels open(StudioHome home, UsageRecorder usage) {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(usage, "usage");
        var folder = home.root().resolve("models");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new EngineException("Could not create the models folder " + folder + ": " + e.getMessage(), e);
        }
        var catalog = ModelCatalog.load(folder.resolve("catalog.json"));
        var library = ModelLibrary.open(folder, GgufReader::readSupported, catalog);
        var downloader = new ModelDownloader(folder, ModelDownloader.defaultClient());
        var models = new LocalModels(folder, catalog, library, downloader, LlamaRuntime.create(usage));
        try {
            downloader.resumeInterrupted().forEach(models::followDownload);
        } catch (RuntimeException e) {
            // A damaged partial file must not keep the studio from starting; the admin pane lists what is left.
            LOG.warn("Could not resume unfinished downloads in {}", folder, e);
        }
        return models;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public List<CatalogEntry> catalog() {
        return catalog.entries();
    }

    @Override
    public CatalogEntry addCatalogEntry(URI url, String name, ModelRole role, Optional<String> sha256,
                                        Optional<Long> size) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(size, "size");
        CatalogEntry entry;
        try {
            entry = catalog.addByUrl(url, name, role, sha256, size);
        } catch (ModelsException e) {
            throw new EngineException(e.getMessage(), e);
        }
        // Installed files of that name now show what the entry says about them.
        changed();
        return entry;
    }

    @Override
    public void removeCatalogEntry(String id) {
        Objects.requireNonNull(id, "id");
        try {
            catalog.remove(id);
        } catch (ModelsException e) {
            throw new EngineException(e.getMessage(), e);
        }
        changed();
    }

    @Override
    public InstalledModel addLocalFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            // The library rescans after the copy and tells its listener, which calls changed().
            return library.addLocalFile(file);
        } catch (ModelsException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** Scans the folder again, for files the user copied in by hand. */
    public void refresh() {
        library.refresh();
        changed();
    }

    @Override
    public List<InstalledModel> installed() {
        return library.installed();
    }

    @Override
    public DownloadHandle download(CatalogEntry entry) {
        var handle = downloader.download(entry);
        followDownload(handle);
        return handle;
    }

    @Override
    public List<DownloadHandle> activeDownloads() {
        return downloader.active();
    }

    @Override
    public CompletableFuture<InstalledModel> verify(Path file) {
        return library.verify(file);
    }

    @Override
    public void delete(Path file) {
        runtime.loaded().stream().filter(model -> model.file().equals(file)).findAny().ifPresent(model -> {
            throw new EngineException(file.getFileName() + " is loaded; unload it before deleting it");
        });
        library.delete(file);
    }

    @Override
    public LlmRuntime runtime() {
        return runtime;
    }

    @Override
    public void addLibraryListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** A finished download lands in the folder: the library scans it so that it shows as installed. */
    private void followDownload(DownloadHandle handle) {
        handle.completion().whenComplete((file, failure) -> {
            if (failure == null) {
                try {
                    library.refresh();
                } catch (RuntimeException e) {
                    LOG.warn("Could not read {} after its download", file, e);
                }
                changed();
            }
        });
    }

    private void changed() {
        for (var listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A models listener failed", e);
            }
        }
    }

    /** Cancels nothing: downloads pause and keep their partial files for the next start; unloads every model. */
    @Override
    public void close() {
        downloader.close();
        runtime.close();
    }
}
