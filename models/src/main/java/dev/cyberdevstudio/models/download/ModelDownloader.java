package dev.cyberdevstudio.models.download;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.JsonFiles;
import dev.cyberdevstudio.models.catalog.ModelCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads model files into one folder. Each download runs on a virtual thread, reports progress (bytes, speed,
 * time left), can be paused, resumed and cancelled, survives dropped connections (it resumes with HTTP
 * {@code Range}, guarded by {@code If-Range} with the server's ETag or Last-Modified) and restarts of the studio
 * ({@link #resumeInterrupted()} picks up the {@code .part} files and their sidecars). The SHA-256 is computed over
 * every byte on disk, re-reading what was already there when a download resumes, and the file gets its final name
 * only once that hash matched the published one.
 */
public final class ModelDownloader implements AutoCloseable {

    static final String PART_SUFFIX = ".part";
    static final String SIDECAR_SUFFIX = ".part.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelDownloader.class);

    private final Path folder;
    private final HttpClient client;
    private final DownloadSettings settings;
    private final PartWriter.Opener opener;
    private final Semaphore slots;
    private final Map<String, DownloadTask> tasks = new ConcurrentHashMap<>();
    private final List<Consumer<CompletedDownload>> completedListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService watchdog;
    private volatile boolean closed;

    public ModelDownloader(Path modelsFolder, HttpClient client) {
        this(modelsFolder, client, DownloadSettings.defaults());
    }

    public ModelDownloader(Path modelsFolder, HttpClient client, DownloadSettings settings) {
        this(modelsFolder, client, settings, PartWriter::open);
    }

    ModelDownloader(Path modelsFolder, HttpClient client, DownloadSettings settings, PartWriter.Opener opener) {
        this.folder = modelsFolder.toAbsolutePath().normalize();
        this.client = client;
        this.settings = settings;
        this.opener = opener;
        this.slots = new Semaphore(settings.maxParallel(), true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("model-download-watchdog").factory());
        long period = Math.clamp(settings.stallTimeout().toMillis() / 4, 50, 1000);
        long stallNanos = settings.stallTimeout().toNanos();
        watchdog.scheduleAtFixedRate(() -> tasks.values().forEach(t -> t.checkStall(System.nanoTime(), stallNanos)),
            period, period, TimeUnit.MILLISECONDS);
    }

    /** A client suited to model hosts: follows redirects (Hugging Face sends downloads to its CDN). */
    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    }

    public Path folder() {
        return folder;
    }

    /** Downloads a catalog entry, checked against its published size and SHA-256 when it has them. */
    public DownloadHandle download(CatalogEntry entry) {
        return start(entry.source(), entry.fileName(), entry.sha256(),
            entry.sizeBytes().map(OptionalLong::of).orElse(OptionalLong.empty()), Optional.of(entry.id()));
    }

    /**
     * Downloads {@code url} into the folder as {@code fileName}. Starting a file that is already being downloaded
     * returns that download; a {@code .part} left by an earlier run for the same address is resumed.
     *
     * @throws ModelsException for an unusable file name or address, a malformed checksum, or a file of that name
     *                         already in the folder
     */
    public DownloadHandle download(URI url, String fileName, Optional<String> sha256, OptionalLong size) {
        return start(url, fileName, sha256, size, Optional.empty());
    }

    private synchronized DownloadHandle start(URI url, String fileName, Optional<String> sha256, OptionalLong size,
                                              Optional<String> catalogId) {
        if (closed) {
            throw new ModelsException("The downloader for " + folder + " is closed");
        }
        if (!ModelCatalog.isSafeFileName(fileName)) {
            throw new ModelsException("Cannot download into the file name " + fileName);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ModelsException(url + " is not an http or https address");
        }
        Optional<String> sha = sha256.map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (sha.isPresent() && !sha.get().matches("[0-9a-f]{64}")) {
            throw new ModelsException("The SHA-256 given for " + fileName + " is not 64 hex digits: " + sha.get());
        }
        DownloadTask running = tasks.get(fileName);
        if (running != null) {
            if (running.url().equals(url)) {
                return running;
            }
            throw new ModelsException(fileName + " is already being downloaded from " + running.url());
        }
        if (Files.exists(folder.resolve(fileName))) {
            throw new ModelsException(fileName + " is already in " + folder + "; delete it to download it again");
        }
        DownloadTask task = new DownloadTask(this, url, fileName, sha, size, catalogId);
        tasks.put(fileName, task);
        task.start();
        return task;
    }

    /** Downloads that have not completed, failed or been cancelled (queued, running, retrying or paused). */
    public List<DownloadHandle> active() {
        return List.copyOf(tasks.values());
    }

    /**
     * Resumes every download a previous run left behind (a {@code .part} file with its sidecar), for instance after
     * the studio was closed or crashed in the middle of one.
     */
    public synchronized List<DownloadHandle> resumeInterrupted() {
        List<DownloadHandle> resumed = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return resumed;
        }
        List<Path> sidecars;
        try (Stream<Path> files = Files.list(folder)) {
            sidecars = files.filter(f -> f.getFileName().toString().endsWith(SIDECAR_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new ModelsException("Cannot list " + folder + ": " + e.getMessage(), e);
        }
        for (Path sidecar : sidecars) {
            try {
                Optional<PartState> state = JsonFiles.read(sidecar, PartState.class);
                if (state.isEmpty() || tasks.containsKey(state.get().fileName())) {
                    continue;
                }
                PartState s = state.get();
                resumed.add(start(URI.create(s.url()), s.fileName(), Optional.ofNullable(s.sha256()),
                    s.sizeBytes() == null ? OptionalLong.empty() : OptionalLong.of(s.sizeBytes()),
                    Optional.ofNullable(s.catalogId())));
                LOG.info("Resuming the interrupted download of {}", s.fileName());
            } catch (RuntimeException e) {
                LOG.warn("Cannot resume the download described by {}: {}", sidecar, e.getMessage());
            }
        }
        return resumed;
    }

    /** Called on the download's thread when a file arrived under its final name. */
    public void onCompleted(Consumer<CompletedDownload> listener) {
        completedListeners.add(listener);
    }

    /** Pauses every running download, keeping its partial file for {@link #resumeInterrupted()} next time. */
    @Override
    public void close() {
        List<DownloadTask> running;
        synchronized (this) {
            closed = true;
            running = List.copyOf(tasks.values());
        }
        running.forEach(DownloadTask::pause);
        try {
            for (DownloadTask task : running) {
                task.awaitWorker(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.shutdownNow();
    }

    void finished(DownloadTask task, Optional<CompletedDownload> completed) {
        tasks.remove(task.id(), task);
        completed.ifPresent(done -> completedListeners.forEach(listener -> {
            try {
                listener.accept(done);
            } catch (RuntimeException e) {
                LOG.warn("A completed-download listener failed for {}", done.file(), e);
            }
        }));
    }

    HttpClient client() {
        return client;
    }

    DownloadSettings settings() {
        return settings;
    }

    PartWriter.Opener opener() {
        return opener;
    }

    Semaphore slots() {
        return slots;
    }
}
