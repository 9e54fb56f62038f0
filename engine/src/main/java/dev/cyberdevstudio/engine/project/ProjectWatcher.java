package dev.cyberdevstudio.engine.project;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a project folder and everything in it, and hands batches of {@link FileChange}s to a listener.
 *
 * <pre>{@code
 * try (var watcher = ProjectWatcher.start(projectFolder, changes -> tree.refresh(changes))) {
 *     ...
 * }
 * }</pre>
 *
 * Folders created later are watched as soon as they appear, and what was created in them before that is reported
 * as created. Events are coalesced: a batch goes out once the folder has been quiet for the quiet period (150 ms by
 * default), or at the latest after {@link #MAX_BATCH_DELAY} while changes keep coming. The listener runs on the
 * watcher's own virtual thread, one batch at a time; when the system drops events the batch holds a
 * {@link FileChange.Kind#RESCAN} for the project folder.
 *
 * <p>Folders named in {@link #SKIPPED_NAMES} (version control internals, build output, installed packages) are not
 * watched up front: they can hold tens of thousands of folders, each costing one inotify watch from a small per-user
 * budget, and change in bulk during builds. Their appearance and removal are still reported, and a caller that shows
 * their content (a tree the user expanded) asks for exactly those levels with {@link #watchFolder(Path)}.
 */
public final class ProjectWatcher implements AutoCloseable {

    /** Folders whose content is watched only on request through {@link #watchFolder(Path)}. */
    public static final Set<String> SKIPPED_NAMES = Set.of(".git", "node_modules", "target", "build", ".gradle");

    /** The quiet period used by {@link #start(Path, Consumer)}. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(150);

    /** The longest a change waits for its batch while other changes keep arriving. */
    public static final Duration MAX_BATCH_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ProjectWatcher.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final Path root;
    private final long quietNanos;
    private final Consumer<List<FileChange>> listener;
    private final WatchService service;
    private final Map<Path, WatchKey> keys = new ConcurrentHashMap<>();
    private final ChangeBatch pending = new ChangeBatch();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean outOfWatches;

    private ProjectWatcher(Path root, Duration quietPeriod, Consumer<List<FileChange>> listener) throws IOException {
        this.root = root;
        this.quietNanos = quietPeriod.toNanos();
        this.listener = listener;
        this.service = root.getFileSystem().newWatchService();
        try {
            registerTree(root, false);
        } catch (IOException error) {
            service.close();
            throw error;
        }
        this.thread = Thread.ofVirtual().name("project-watcher " + root.getFileName()).unstarted(this::run);
    }

    /** Starts watching {@code root} with the default quiet period. */
    public static ProjectWatcher start(Path root, Consumer<List<FileChange>> listener) throws IOException {
        return start(root, DEFAULT_QUIET_PERIOD, listener);
    }

    /**
     * Starts watching {@code root}; returns once every folder of it (but the skipped ones) is watched.
     *
     * @throws IOException when {@code root} is not a readable folder or the watch service cannot be opened
     */
    public static ProjectWatcher start(Path root, Duration quietPeriod, Consumer<List<FileChange>> listener)
            throws IOException {
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("The quiet period must be positive: " + quietPeriod);
        }
        var absolute = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IOException("Cannot watch " + absolute + ": it is not a folder");
        }
        var watcher = new ProjectWatcher(absolute, quietPeriod, listener);
        watcher.thread.start();
        return watcher;
    }

    /** The watched project folder, absolute. */
    public Path root() {
        return root;
    }

    /** Whether changes directly inside {@code folder} are being reported. */
    public boolean isWatching(Path folder) {
        var key = keys.get(folder.toAbsolutePath().normalize());
        return key != null && key.isValid();
    }

    /**
     * Watches the content of {@code folder} (not its subfolders) if it is not watched yet: for folders inside a
     * skipped one, once someone looks at them. Does nothing outside the project or after {@link #close()}.
     */
    public void watchFolder(Path folder) {
        var absolute = folder.toAbsolutePath().normalize();
        if (closed || !absolute.startsWith(root) || isWatching(absolute)) {
            return;
        }
        try {
            register(absolute);
        } catch (IOException error) {
            LOG.debug("Not watching {}: {}", absolute, error.getMessage());
        }
    }

    /** Stops watching; no batch is delivered once this returns (unless called by the listener itself). */
    @Override
    public void close() {
        closed = true;
        try {
            service.close();
        } catch (IOException error) {
            LOG.debug("Closing the watch service of {} failed", root, error);
        }
        if (Thread.currentThread() != thread) {
            try {
                if (!thread.join(CLOSE_WAIT)) {
                    LOG.warn("The watcher of {} is still delivering changes after {}", root, CLOSE_WAIT);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            var batchStart = 0L;
            while (!closed) {
                WatchKey key;
                if (pending.isEmpty()) {
                    key = service.take();
                    batchStart = System.nanoTime();
                } else {
                    var wait = Math.min(quietNanos, batchStart + MAX_BATCH_DELAY.toNanos() - System.nanoTime());
                    key = wait > 0 ? service.poll(wait, TimeUnit.NANOSECONDS) : null;
                }
                if (key == null) {
                    deliver();
                } else {
                    handle(key);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            LOG.debug("Watcher of {} stopped", root);
        }
    }

    private void handle(WatchKey key) {
        var folder = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                record(root, FileChange.Kind.RESCAN);
                rescanRegistrations();
                continue;
            }
            var path = folder.resolve((Path) event.context());
            handle(path, event.kind());
        }
        if (!key.reset()) {
            keys.remove(folder, key);
        }
    }

    private void handle(Path path, WatchEvent.Kind<?> kind) {
        if (kind == StandardWatchEventKinds.ENTRY_CREATE) {
            record(path, FileChange.Kind.CREATED);
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !insideSkipped(path)) {
                try {
                    registerTree(path, true);
                } catch (IOException error) {
                    LOG.debug("Not watching new folder {}: {}", path, error.getMessage());
                }
            }
        } else if (kind == StandardWatchEventKinds.ENTRY_DELETE) {
            record(path, FileChange.Kind.DELETED);
            forget(path);
        } else {
            record(path, FileChange.Kind.MODIFIED);
        }
    }

    /**
     * A folder renamed inside the project keeps its inotify watch, which would go on reporting the old path: drop
     * the watches of the old path so that the new one is registered afresh when its creation comes in.
     */
    private void forget(Path path) {
        keys.entrySet().removeIf(entry -> {
            if (entry.getKey().startsWith(path)) {
                entry.getValue().cancel();
                return true;
            }
            return false;
        });
    }

    private void rescanRegistrations() {
        try {
            registerTree(root, false);
        } catch (IOException error) {
            LOG.debug("Rescanning the folders of {} failed: {}", root, error.getMessage());
        }
    }

    /** Registers {@code start} and its folders; with {@code reportContent} also reports everything found as created. */
    private void registerTree(Path start, boolean reportContent) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
                if (!folder.equals(start)) {
                    if (reportContent) {
                        record(folder, FileChange.Kind.CREATED);
                    }
                    if (SKIPPED_NAMES.contains(folder.getFileName().toString())) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                if (!keys.containsKey(folder)) {
                    try {
                        register(folder);
                    } catch (IOException error) {
                        if (folder.equals(start)) {
                            throw error;
                        }
                        // Out of inotify watches or unreadable: the rest of the tree still shows, without live updates.
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (reportContent) {
                    record(file, FileChange.Kind.CREATED);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException error) throws IOException {
                if (file.equals(start)) {
                    throw error;
                }
                LOG.debug("Not watching {}: {}", file, error.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void register(Path folder) throws IOException {
        try {
            var key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            keys.put(folder, key);
        } catch (ClosedWatchServiceException stopped) {
            throw new IOException("The watcher of " + root + " is closed", stopped);
        } catch (IOException error) {
            if (!outOfWatches && error.getMessage() != null && error.getMessage().contains("inotify")) {
                outOfWatches = true;
                LOG.warn("Changes under {} may go unnoticed: {}", folder, error.getMessage());
            } else {
                LOG.debug("Not watching {}: {}", folder, error.getMessage());
            }
            throw error;
        }
    }

    private boolean insideSkipped(Path path) {
        for (var element : root.relativize(path)) {
            if (SKIPPED_NAMES.contains(element.toString())) {
                return true;
            }
        }
        return false;
    }

    private void record(Path path, FileChange.Kind kind) {
        pending.add(path, kind);
    }

    private void deliver() {
        if (pending.isEmpty()) {
            return;
        }
        var batch = pending.drain();
        if (closed) {
            return;
        }
        try {
            listener.accept(batch);
        } catch (RuntimeException error) {
            LOG.warn("A listener of the watcher of {} failed", root, error);
        }
    }
}
