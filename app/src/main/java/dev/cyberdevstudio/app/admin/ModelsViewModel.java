package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.models.ModelsBackend;
import dev.cyberdevstudio.engine.system.SystemSample;
import dev.cyberdevstudio.llm.LoadParameters;
import dev.cyberdevstudio.llm.LoadedModel;
import dev.cyberdevstudio.llm.MemoryFit;
import dev.cyberdevstudio.llm.RuntimeEvent;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.ModelRole;
import dev.cyberdevstudio.models.download.DownloadHandle;
import dev.cyberdevstudio.models.download.DownloadProgress;
import dev.cyberdevstudio.models.download.DownloadState;
import dev.cyberdevstudio.models.library.InstalledModel;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * View model of the Models tab: the catalog beside the installed files, downloads with their progress, and the
 * models in memory with what they hold. Every call to the backend runs through the {@link TaskExecutor}; lists and
 * properties change on the UI thread only.
 *
 * <p>Loading checks the fit first: a model too big for the free memory is refused with the reason, and when a
 * smaller context would fit, the context is set to it and the user loads again.
 */
public final class ModelsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

    private final TaskExecutor executor;
    private final ModelsBackend backend;
    private final AdminDialogs dialogs;
    private final ObservableList<CatalogEntry> catalog = FXCollections.observableArrayList();
    private final ObservableList<InstalledRow> installed = FXCollections.observableArrayList();
    private final ObservableList<DownloadRow> downloads = FXCollections.observableArrayList();
    private final ObservableList<LoadedModelRow> loaded = FXCollections.observableArrayList();
    private final ObjectProperty<CatalogEntry> selectedEntry = new SimpleObjectProperty<>(this, "selectedEntry");
    private final ObjectProperty<InstalledRow> selectedInstalled = new SimpleObjectProperty<>(this, "selectedInstalled");
    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads",
        Math.max(1, Runtime.getRuntime().availableProcessors()));
    private final IntegerProperty contextSize = new SimpleIntegerProperty(this, "contextSize", 4096);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 512);
    private final IntegerProperty gpuLayers = new SimpleIntegerProperty(this, "gpuLayers", 0);
    private final IntegerProperty parallelSlots = new SimpleIntegerProperty(this, "parallelSlots", 1);
    private final ReadOnlyObjectWrapper<MemoryFit> fit = new ReadOnlyObjectWrapper<>(this, "fit");
    private final ReadOnlyStringWrapper fitText = new ReadOnlyStringWrapper(this, "fitText", "");
    private final ReadOnlyLongWrapper freeMemory = new ReadOnlyLongWrapper(this, "freeMemory", -1);
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper(this, "memoryText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final AtomicLong fitRequests = new AtomicLong();

    public ModelsViewModel(TaskExecutor executor, ModelsBackend backend, AdminDialogs dialogs) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        selectedInstalled.addListener((observable, before, after) -> checkFit());
        for (var parameter : List.of(threads, contextSize, batchSize, gpuLayers, parallelSlots)) {
            parameter.addListener((observable, before, after) -> checkFit());
        }
    }

    public ObservableList<CatalogEntry> catalog() {
        return catalog;
    }

    public ObservableList<InstalledRow> installed() {
        return installed;
    }

    public ObservableList<DownloadRow> downloads() {
        return downloads;
    }

    public ObservableList<LoadedModelRow> loaded() {
        return loaded;
    }

    public ObjectProperty<CatalogEntry> selectedEntryProperty() {
        return selectedEntry;
    }

    public ObjectProperty<InstalledRow> selectedInstalledProperty() {
        return selectedInstalled;
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public IntegerProperty contextSizeProperty() {
        return contextSize;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public IntegerProperty gpuLayersProperty() {
        return gpuLayers;
    }

    public IntegerProperty parallelSlotsProperty() {
        return parallelSlots;
    }

    /** The fit of the selected model with the parameters as they stand; null while unknown. */
    public ReadOnlyObjectProperty<MemoryFit> fitProperty() {
        return fit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fitTextProperty() {
        return fitText.getReadOnlyProperty();
    }

    /** Memory the OS could hand out now; -1 before the first reading. */
    public ReadOnlyLongProperty freeMemoryProperty() {
        return freeMemory.getReadOnlyProperty();
    }

    /** "Free memory 5.2 GB of 15.6 GB · models hold 1.1 GB". */
    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    /** The last outcome or problem, naming the file and the cause. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Reads the catalog, the installed files, the downloads under way and the loaded models. */
    public CompletableFuture<Void> refresh() {
        var done = new CompletableFuture<Void>();
        executor.submit(() -> {
            var inMemory = backend.runtime().loaded();
            return new Snapshot(backend.catalog(), backend.installed(), backend.activeDownloads(), inMemory,
                LoadedStats.read(inMemory));
        },
            snapshot -> {
                catalog.setAll(snapshot.catalog());
                showInstalled(snapshot.installed());
                var known = downloads.stream().map(row -> row.handle().id()).collect(Collectors.toSet());
                snapshot.downloads().stream().filter(handle -> !known.contains(handle.id()))
                    .forEach(handle -> track(handle.id(), handle));
                showLoaded(snapshot.loaded(), snapshot.stats());
                done.complete(null);
            },
            failure -> {
                fail("Could not read the models folder: " + reason(failure), failure);
                done.complete(null);
            });
        return done;
    }

    /** Reads the installed files again (after a download, a delete, a verification). */
    public void refreshInstalled() {
        executor.submit(backend::installed, this::showInstalled,
            failure -> fail("Could not read the models folder: " + reason(failure), failure));
    }

    /** Starts downloading {@code entry}, unless it is already being downloaded. */
    public void download(CatalogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (downloads.stream().anyMatch(row -> row.fileName().equals(entry.fileName()) && !row.finishedProperty().get())) {
            info(entry.fileName() + " is already downloading");
            return;
        }
        executor.submit(() -> backend.download(entry), handle -> {
                track(entry.fileName(), handle);
                info("Downloading " + entry.fileName());
            },
            failure -> fail("Could not download " + entry.fileName() + ": " + reason(failure), failure));
    }

    /** Asks for a model's URL and details and adds it to the catalog; see {@link #addByUrl(ModelUrlForm)}. */
    public void addByUrl() {
        dialogs.askModelUrl(this::addByUrl);
    }

    /**
     * Adds the model the form describes to the catalog. Completes (on the UI thread) with the problem, also shown
     * as the tab's message, or empty once the entry is in {@link #catalog()}.
     */
    public CompletableFuture<Optional<String>> addByUrl(ModelUrlForm form) {
        Objects.requireNonNull(form, "form");
        var typed = form.url() == null ? "" : form.url().strip();
        URI url;
        Optional<Long> size;
        try {
            if (typed.isEmpty()) {
                throw new IllegalArgumentException("Enter the URL of the model's .gguf file");
            }
            if (form.role() == null) {
                throw new IllegalArgumentException("Choose what the model is for");
            }
            url = parseUrl(typed);
            size = parseSize(form.size());
        } catch (IllegalArgumentException invalid) {
            error(invalid.getMessage());
            return CompletableFuture.completedFuture(Optional.of(invalid.getMessage()));
        }
        var sha256 = Optional.ofNullable(form.sha256()).map(String::strip).filter(text -> !text.isEmpty());
        var name = form.name() == null ? "" : form.name().strip();
        var result = new CompletableFuture<Optional<String>>();
        executor.submit(() -> {
            var entry = backend.addCatalogEntry(url, name, form.role(), sha256, size);
            return new Catalog(entry, backend.catalog(), backend.installed());
        }, done -> {
            catalog.setAll(done.catalog());
            showInstalled(done.installed());
            info("Added " + done.entry().name() + " (" + done.entry().fileName() + ") to the catalog");
            result.complete(Optional.empty());
        }, failure -> {
            var text = "Could not add " + typed + ": " + reason(failure);
            fail(text, failure);
            result.complete(Optional.of(text));
        });
        return result;
    }

    /** Removes a catalog entry the user added; the studio's own recommendations stay. */
    public void removeEntry(CatalogEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (!entry.userAdded()) {
            error(entry.name() + " is one of the studio's recommended models and cannot be removed");
            return;
        }
        executor.submit(() -> {
            backend.removeCatalogEntry(entry.id());
            return new Catalog(entry, backend.catalog(), backend.installed());
        }, done -> {
            catalog.setAll(done.catalog());
            showInstalled(done.installed());
            info("Removed " + entry.name() + " from the catalog");
        }, failure -> fail("Could not remove " + entry.name() + ": " + reason(failure), failure));
    }

    /** Asks for a GGUF file and copies it into the models folder. */
    public void addFile() {
        dialogs.chooseModelFile().ifPresent(this::addFile);
    }

    /** Copies {@code file} into the models folder, where it is listed as installed but not yet verified. */
    public void addFile(Path file) {
        Objects.requireNonNull(file, "file");
        var fileName = String.valueOf(file.getFileName());
        info("Adding " + fileName + "…");
        executor.submit(() -> {
            var model = backend.addLocalFile(file);
            return new Added(model, backend.installed());
        }, done -> {
            showInstalled(done.installed());
            installed.stream().filter(row -> row.model().file().equals(done.model().file())).findFirst()
                .ifPresent(selectedInstalled::set);
            info("Added " + done.model().file().getFileName() + " to the models folder");
        }, failure -> fail("Could not add " + fileName + ": " + reason(failure), failure));
    }

    private static URI parseUrl(String typed) {
        URI url;
        try {
            url = new URI(typed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(typed + " is not a URL: " + e.getReason());
        }
        var scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
            || url.getHost() == null) {
            throw new IllegalArgumentException(typed + " is not an http or https URL");
        }
        return url;
    }

    private static Optional<Long> parseSize(String typed) {
        var text = typed == null ? "" : typed.strip().replace("_", "").replace(",", "");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            long size = Long.parseLong(text);
            if (size > 0) {
                return Optional.of(size);
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("The size must be a whole number of bytes, not " + typed.strip());
    }

    /** Hashes the file and says whether it matches its published SHA-256. */
    public void verify(InstalledRow row) {
        var file = row.model().file();
        info("Checking " + row.fileName() + "…");
        executor.submit(() -> backend.verify(file).join(), model -> {
            refreshInstalled();
            switch (model.verification()) {
                case VERIFIED -> info(row.fileName() + " matches its published SHA-256");
                case UNVERIFIED -> info(row.fileName() + " has no published SHA-256 to compare with");
                case MISMATCH -> error(row.fileName() + ": " + model.problem()
                    .orElse("its SHA-256 does not match the published one") + ". Delete it and download again.");
                case UNREADABLE -> error(row.fileName() + ": " + model.problem().orElse("not a readable GGUF file"));
                case CHECKING -> info("Still checking " + row.fileName());
            }
        }, failure -> fail("Could not verify " + row.fileName() + ": " + reason(failure), failure));
    }

    /** Asks first; refuses while the model is loaded. */
    public void delete(InstalledRow row) {
        var file = row.model().file();
        if (loaded.stream().anyMatch(model -> model.model().file().equals(file))) {
            error("Unload " + row.fileName() + " before deleting it");
            return;
        }
        if (!dialogs.confirmDelete(row.fileName(), row.size())) {
            return;
        }
        executor.submit(() -> {
            backend.delete(file);
            return backend.installed();
        }, models -> {
            showInstalled(models);
            info("Deleted " + row.fileName());
        }, failure -> fail("Could not delete " + row.fileName() + ": " + reason(failure), failure));
    }

    /** The load parameters as set, or empty with a message when they are out of range. */
    public Optional<LoadParameters> parameters() {
        try {
            boolean embeddings = Optional.ofNullable(selectedInstalled.get()).flatMap(InstalledRow::entry)
                .map(entry -> entry.role() == ModelRole.EMBEDDING).orElse(false);
            return Optional.of(new LoadParameters(threads.get(), contextSize.get(), batchSize.get(), gpuLayers.get(),
                parallelSlots.get(), embeddings, Optional.empty()));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** Asks the runtime whether the selected model fits with the parameters as set; shows the verdict. */
    public void checkFit() {
        var row = selectedInstalled.get();
        long request = fitRequests.incrementAndGet();
        var parameters = parameters();
        if (row == null || parameters.isEmpty()) {
            fit.set(null);
            fitText.set(row == null ? "" : "Threads, context, batch and slots must be at least 1");
            return;
        }
        if (!row.model().usable()) {
            fit.set(null);
            fitText.set(row.fileName() + " cannot be loaded: " + row.model().problem().orElse(row.verification()));
            return;
        }
        executor.submit(() -> backend.runtime().checkFit(row.model().file(), parameters.get()), verdict -> {
            if (fitRequests.get() == request) {
                fit.set(verdict);
                fitText.set(describe(verdict));
            }
        }, failure -> {
            if (fitRequests.get() == request) {
                fit.set(null);
                fitText.set("Could not check " + row.fileName() + ": " + reason(failure));
            }
        });
    }

    /**
     * Loads the selected model after checking that it fits: refused with the reason when it is too big; when a
     * smaller context would fit, the context is set to that and nothing loads until the user asks again.
     */
    public CompletableFuture<Optional<LoadedModel>> load() {
        var result = new CompletableFuture<Optional<LoadedModel>>();
        var row = selectedInstalled.get();
        var parameters = parameters();
        if (row == null) {
            error("Select an installed model to load");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (parameters.isEmpty()) {
            error("Threads, context, batch and slots must be at least 1");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!row.model().usable()) {
            error(row.fileName() + " cannot be loaded: " + row.model().problem().orElse(row.verification()));
            return CompletableFuture.completedFuture(Optional.empty());
        }
        var file = row.model().file();
        loading.set(true);
        info("Checking whether " + row.fileName() + " fits in memory…");
        executor.submit(() -> backend.runtime().checkFit(file, parameters.get()), verdict -> {
            fit.set(verdict);
            fitText.set(describe(verdict));
            switch (verdict.verdict()) {
                case TOO_BIG -> {
                    loading.set(false);
                    error("Not loading " + row.fileName() + ": " + verdict.reason());
                    result.complete(Optional.empty());
                }
                case SHRINK_CONTEXT -> {
                    loading.set(false);
                    var smaller = verdict.suggestedContext();
                    smaller.ifPresent(contextSize::set);
                    error("Not loading " + row.fileName() + " yet: " + verdict.reason()
                        + (smaller.isPresent() ? " Context set to " + smaller.getAsInt() + "; press Load again." : ""));
                    result.complete(Optional.empty());
                }
                case FITS -> startLoad(row, file, parameters.get(), result);
            }
        }, failure -> {
            loading.set(false);
            fail("Could not load " + row.fileName() + ": " + reason(failure), failure);
            result.complete(Optional.empty());
        });
        return result;
    }

    private void startLoad(InstalledRow row, Path file, LoadParameters parameters,
                           CompletableFuture<Optional<LoadedModel>> result) {
        info("Loading " + row.fileName() + "…");
        executor.submit(() -> {
            var model = backend.runtime().load(file, parameters).join();
            var inMemory = backend.runtime().loaded();
            return new Loaded(model, inMemory, LoadedStats.read(inMemory));
        }, done -> {
            loading.set(false);
            showLoaded(done.all(), done.stats());
            info("Loaded " + row.fileName() + " (" + Formats.bytes(LoadedStats.of(done.model()).memoryBytes())
                + " in memory)");
            result.complete(Optional.of(done.model()));
        }, failure -> {
            loading.set(false);
            fail("Could not load " + row.fileName() + ": " + reason(failure), failure);
            result.complete(Optional.empty());
        });
    }

    public void unload(LoadedModelRow row) {
        executor.submit(() -> {
            backend.runtime().unload(row.id());
            var now = backend.runtime().loaded();
            return new Loaded(row.model(), now, LoadedStats.read(now));
        }, done -> {
            showLoaded(done.all(), done.stats());
            info("Unloaded " + row.fileName());
        }, failure -> fail("Could not unload " + row.fileName() + ": " + reason(failure), failure));
    }

    /** Any thread: follows loads and unloads the runtime does by itself (idle unload, another pane). */
    void onRuntimeEvent(RuntimeEvent event) {
        if (event instanceof RuntimeEvent.Loaded || event instanceof RuntimeEvent.Unloaded) {
            executor.submit(() -> {
                var now = backend.runtime().loaded();
                return new Loaded(null, now, LoadedStats.read(now));
            }, done -> showLoaded(done.all(), done.stats()), failure -> LOG.warn("Could not list loaded models",
                failure));
        }
        if (event instanceof RuntimeEvent.Unloaded(var id, var reason)) {
            executor.runOnUi(() -> loaded.stream().filter(row -> row.id().equals(id)).findFirst()
                .ifPresent(row -> info("Unloaded " + row.fileName() + ": " + reason)));
        }
    }

    /** UI thread, once a second: free memory and what each loaded model holds. */
    void applySample(SystemSample sample, Map<String, LoadedStats> stats) {
        freeMemory.set(sample.availableMemory());
        loaded.forEach(row -> Optional.ofNullable(stats.get(row.id())).ifPresent(row::update));
        long held = loaded.stream().mapToLong(row -> row.memoryBytesProperty().get()).sum();
        memoryText.set("Free memory " + Formats.bytes(sample.availableMemory()) + " of "
            + Formats.bytes(sample.totalMemory()) + (loaded.isEmpty() ? "" : " · models hold " + Formats.bytes(held)));
    }

    private void track(String fileName, DownloadHandle handle) {
        var row = new DownloadRow(fileName, handle, executor);
        downloads.add(row);
        handle.completion().whenComplete((file, failure) -> executor.runOnUi(() -> {
            if (failure == null) {
                downloads.remove(row);
                info("Downloaded " + fileName);
                refreshInstalled();
            } else if (row.stateProperty().get() == DownloadState.CANCELLED || isCancellation(failure)) {
                downloads.remove(row);
                info("Cancelled the download of " + fileName);
            } else {
                // The row stays, showing why; cancelling it removes it.
                row.offer(new DownloadProgress(handle.id(), DownloadState.FAILED,
                    handle.progress().bytesDone(), handle.progress().totalBytes(), 0, Optional.empty(),
                    Optional.of(reason(failure))));
                fail("Download of " + fileName + " failed: " + reason(failure), failure);
            }
        }));
    }

    /** Removes a failed or cancelled download from the list; cancels one still running. */
    public void cancel(DownloadRow row) {
        if (row.finishedProperty().get()) {
            downloads.remove(row);
        } else {
            row.cancel();
        }
    }

    private void showInstalled(List<InstalledModel> models) {
        var entries = catalog.stream().collect(Collectors.toMap(CatalogEntry::id, Function.identity(), (a, b) -> a));
        var selected = Optional.ofNullable(selectedInstalled.get()).map(row -> row.model().file());
        var rows = models.stream()
            .map(model -> new InstalledRow(model, model.catalogId().map(entries::get)))
            .toList();
        installed.setAll(rows);
        selected.flatMap(file -> rows.stream().filter(row -> row.model().file().equals(file)).findFirst())
            .ifPresentOrElse(selectedInstalled::set, () -> selectedInstalled.set(null));
    }

    /**
     * Keeps the row of a model that stays loaded (its numbers updated in place), so that a refresh a runtime event
     * brings does not take away the row the user just selected.
     */
    private void showLoaded(List<LoadedModel> models, Map<String, LoadedStats> stats) {
        var rows = new ArrayList<LoadedModelRow>();
        for (var model : models) {
            var now = stats.getOrDefault(model.id(), new LoadedStats(0, 0));
            var kept = loaded.stream().filter(row -> row.id().equals(model.id())).findFirst();
            kept.ifPresent(row -> row.update(now));
            rows.add(kept.orElseGet(() -> new LoadedModelRow(model, now)));
        }
        if (!rows.equals(loaded)) {
            loaded.setAll(rows);
        }
    }

    static String describe(MemoryFit verdict) {
        var numbers = "needs " + Formats.bytes(verdict.requiredBytes()) + ", " + Formats.bytes(verdict.availableBytes())
            + " free";
        return switch (verdict.verdict()) {
            case FITS -> "✓ Fits: " + numbers;
            case SHRINK_CONTEXT -> "⚠ Too big with this context (" + numbers + ")"
                + verdict.suggestedContext().stream().mapToObj(size -> "; context " + size + " would fit")
                    .findFirst().orElse("") + ". " + verdict.reason();
            case TOO_BIG -> "✗ Too big for this machine (" + numbers + "). " + verdict.reason();
        };
    }

    private void info(String text) {
        message.set(text);
        messageIsError.set(false);
    }

    private void error(String text) {
        message.set(text);
        messageIsError.set(true);
    }

    private void fail(String text, Throwable failure) {
        LOG.warn(text, failure);
        error(text);
    }

    private static boolean isCancellation(Throwable failure) {
        return unwrap(failure) instanceof CancellationException;
    }

    static String reason(Throwable failure) {
        var cause = unwrap(failure);
        var text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }

    private static Throwable unwrap(Throwable failure) {
        var cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
            && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private record Snapshot(List<CatalogEntry> catalog, List<InstalledModel> installed,
                            List<DownloadHandle> downloads,
                            List<LoadedModel> loaded, Map<String, LoadedStats> stats) {
    }

    private record Catalog(CatalogEntry entry, List<CatalogEntry> catalog, List<InstalledModel> installed) {
    }

    private record Added(InstalledModel model, List<InstalledModel> installed) {
    }

    private record Loaded(LoadedModel model, List<LoadedModel> all, Map<String, LoadedStats> stats) {
    }
}
