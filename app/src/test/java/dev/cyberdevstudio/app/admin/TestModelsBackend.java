package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.models.ModelsBackend;
import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.library.InstalledModel;
import dev.cyberdevstudio.models.library.VerificationState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test double of the local models: catalog and installed files held in lists, downloads as
 * {@link TestDownloadHandle}s the test drives, and a {@link TestLlmRuntime}.
 */
final class TestModelsBackend implements ModelsBackend {

    final List<CatalogEntry> catalog = new CopyOnWriteArrayList<>();
    final List<InstalledModel> installed = new CopyOnWriteArrayList<>();
    final List<TestDownloadHandle> downloads = new CopyOnWriteArrayList<>();
    final List<Path> deleted = new CopyOnWriteArrayList<>();
    final List<Runnable> libraryListeners = new CopyOnWriteArrayList<>();
    final TestLlmRuntime runtime = new TestLlmRuntime();
    volatile Optional<String> downloadRefusal = Optional.empty();
    volatile VerificationState verifyResult = VerificationState.VERIFIED;
    volatile Optional<String> verifyProblem = Optional.empty();
    /** Where {@link #addLocalFile(Path)} copies files to. */
    volatile Path folder = Path.of("/data/models");
    /** When present, {@link #addLocalFile(Path)} refuses with this message, as for a file that is not a GGUF. */
    volatile Optional<String> addFileRefusal = Optional.empty();
    final List<Path> addedFiles = new CopyOnWriteArrayList<>();
    final List<String> removedEntries = new CopyOnWriteArrayList<>();

    @Override
    public List<CatalogEntry> catalog() {
        return List.copyOf(catalog);
    }

    /** Like the catalog: the file name is the URL's last segment; a file name already listed is refused. */
    @Override
    public CatalogEntry addCatalogEntry(URI url, String name, ModelRole role, Optional<String> sha256,
                                        Optional<Long> size) {
        var path = url.getPath() == null ? "" : url.getPath();
        var fileName = path.substring(path.lastIndexOf('/') + 1);
        if (fileName.isEmpty()) {
            throw new EngineException(url + " does not name a file");
        }
        var id = "user-" + fileName.replaceFirst("\\.gguf$", "");
        catalog.stream().filter(entry -> entry.fileName().equals(fileName)).findFirst().ifPresent(existing -> {
            throw new EngineException(fileName + " from the catalog is already in the catalog as " + existing.id());
        });
        var entry = new CatalogEntry(id, name.isBlank() ? fileName : name, role, "unknown", url, fileName, size,
            sha256, "unknown", 0, "unknown", true);
        catalog.add(entry);
        libraryListeners.forEach(Runnable::run);
        return entry;
    }

    @Override
    public void removeCatalogEntry(String id) {
        var entry = catalog.stream().filter(candidate -> candidate.id().equals(id)).findFirst()
            .orElseThrow(() -> new EngineException("The catalog has no model " + id));
        if (!entry.userAdded()) {
            throw new EngineException(id + " is one of the studio's recommended models and cannot be removed");
        }
        catalog.remove(entry);
        removedEntries.add(id);
        libraryListeners.forEach(Runnable::run);
    }

    @Override
    public InstalledModel addLocalFile(Path file) {
        if (addFileRefusal.isPresent()) {
            throw new EngineException(addFileRefusal.get());
        }
        var copy = folder.resolve(file.getFileName().toString());
        var model = new InstalledModel(copy, 100 * AdminFixtures.MIB, Optional.empty(),
            Optional.of(AdminFixtures.header(copy, file.getFileName().toString())), VerificationState.UNVERIFIED,
            Optional.empty(), Instant.parse("2026-11-02T10:00:00Z"));
        addedFiles.add(file);
        install(model);
        return model;
    }

    @Override
    public List<InstalledModel> installed() {
        return List.copyOf(installed);
    }

    @Override
    public DownloadHandle download(CatalogEntry entry) {
        if (downloadRefusal.isPresent()) {
            throw new ModelsException(downloadRefusal.get());
        }
        var handle = new TestDownloadHandle("download-" + (downloads.size() + 1), entry.sizeBytes().orElse(1000L));
        downloads.add(handle);
        return handle;
    }

    @Override
    public List<DownloadHandle> activeDownloads() {
        return List.copyOf(downloads.stream().filter(handle -> !handle.completion().isDone()).toList());
    }

    @Override
    public CompletableFuture<InstalledModel> verify(Path file) {
        var model = installed.stream().filter(candidate -> candidate.file().equals(file)).findFirst();
        if (model.isEmpty()) {
            return CompletableFuture.failedFuture(new ModelsException(file.getFileName() + " is not in the models folder"));
        }
        var before = model.get();
        var after = new InstalledModel(before.file(), before.sizeBytes(), before.catalogId(), before.info(),
            verifyResult, verifyProblem, before.installedAt());
        installed.set(installed.indexOf(before), after);
        return CompletableFuture.completedFuture(after);
    }

    @Override
    public void delete(Path file) {
        deleted.add(file);
        installed.removeIf(model -> model.file().equals(file));
    }

    @Override
    public TestLlmRuntime runtime() {
        return runtime;
    }

    @Override
    public void addLibraryListener(Runnable listener) {
        libraryListeners.add(listener);
    }

    /** A file appears in the folder, as after a finished download. */
    void install(InstalledModel model) {
        installed.add(model);
        model.info().ifPresent(runtime::knows);
        libraryListeners.forEach(Runnable::run);
    }
}
