package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.engine.models.ModelsBackend;
import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.library.InstalledModel;
import dev.cyberdevstudio.models.library.VerificationState;
import java.nio.file.Path;
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

    @Override
    public List<CatalogEntry> catalog() {
        return List.copyOf(catalog);
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
