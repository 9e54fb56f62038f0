package dev.cyberdevstudio.engine.search;

import dev.cyberdevstudio.engine.EngineException;
import dev.cyberdevstudio.engine.project.FileChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one project, for quick open and search in files: relative '/'-separated paths, walked in the
 * background and kept current from the project watcher's changes.
 *
 * <pre>{@code
 * var index = FileIndex.open(projectFolder);            // returns at once; walks on its own thread
 * watcher listener: changes -> index.apply(changes);      // or index.pathsChanged(paths)
 * QuickOpenResult found = index.query("mwin:42", 200);    // from any thread; partial while still walking
 * index.close();
 * }</pre>
 *
 * <p>Left out: folders named in {@link #SKIPPED_FOLDERS}, anything a {@code .gitignore} (at any level) or
 * {@code .git/info/exclude} ignores (see {@link GitIgnore} for the patterns understood), and symbolic links to
 * folders (links to files are kept). At most {@link #MAX_FILES} files are indexed.
 *
 * <p>Walking and updates run one at a time, in order, on the index's own virtual thread, so a change that arrives
 * while the first walk is still going is applied after it. Each change is checked against the disk rather than
 * trusted (a file reported created may be gone again), a folder that appears is walked, and a change to an ignore
 * file or lost events ({@link FileChange.Kind#RESCAN}) walk the whole project again. Queries read a snapshot array
 * and never wait for a walk.
 */
public final class FileIndex implements AutoCloseable {

    /** Folders never indexed: version control internals, installed packages, build output, caches. */
    public static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", "build", ".idea",
            "dist", "__pycache__", ".venv", ".gradle");

    /** The most files one index holds; beyond that the rest of the project is left out (and {@link #isTruncated}). */
    public static final int MAX_FILES = 500_000;

    private static final Logger LOG = LoggerFactory.getLogger(FileIndex.class);
    private static final String GITIGNORE = ".gitignore";
    private static final int PUBLISH_EVERY = 4096;
    private static final Comparator<Ranked> WORST_FIRST = Comparator.comparingInt(Ranked::score)
            .thenComparing(ranked -> ranked.path().path.length(), Comparator.reverseOrder())
            .thenComparing(ranked -> ranked.path().path, Comparator.reverseOrder());

    private final Path root;
    private final ExecutorService worker;
    private final CompletableFuture<FileIndex> ready = new CompletableFuture<>();
    private final Object lock = new Object();
    private final Map<String, IndexedPath> files = new HashMap<>();
    /** The rules of each .gitignore by the relative folder that holds it ("" for the project folder). */
    private final Map<String, GitIgnore> ignores = new HashMap<>();
    private IndexedPath[] snapshot = new IndexedPath[0];
    private boolean snapshotStale;
    private volatile boolean truncated;
    private volatile boolean closed;

    private FileIndex(Path root) {
        this.root = root;
        this.worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("file-index " + root.getFileName())
                .factory());
    }

    /**
     * Starts indexing {@code folder} in the background and returns at once; {@link #ready()} completes when the
     * first walk is done (exceptionally with an {@link EngineException} when the folder cannot be read).
     */
    public static FileIndex open(Path folder) {
        var index = new FileIndex(folder.toAbsolutePath().normalize());
        index.worker.execute(index::firstWalk);
        return index;
    }

    /** Indexes {@code folder} and returns once every file is in: for tools and tests that can wait. */
    public static FileIndex build(Path folder) {
        var index = open(folder);
        try {
            return index.ready().join();
        } catch (RuntimeException failed) {
            index.close();
            throw failed.getCause() instanceof EngineException engine ? engine : failed;
        }
    }

    /** The project folder, absolute. */
    public Path root() {
        return root;
    }

    /** Completes when the first walk is done. */
    public CompletableFuture<FileIndex> ready() {
        return ready;
    }

    /** Whether the first walk is done. */
    public boolean isReady() {
        return ready.isDone();
    }

    /** Whether files were left out because the project holds more than {@link #MAX_FILES}. */
    public boolean isTruncated() {
        return truncated;
    }

    /** How many files are indexed now. */
    public int size() {
        synchronized (lock) {
            return files.size();
        }
    }

    /** Whether {@code relativePath} ('/'-separated) is indexed now. */
    public boolean contains(String relativePath) {
        synchronized (lock) {
            return files.containsKey(relativePath);
        }
    }

    /** The indexed files now, sorted. */
    public List<String> files() {
        var paths = new ArrayList<String>();
        for (var path : snapshot()) {
            paths.add(path.path);
        }
        paths.sort(Comparator.naturalOrder());
        return paths;
    }

    /** The absolute path of an indexed relative path. */
    public Path resolve(String relativePath) {
        return root.resolve(relativePath);
    }

    /**
     * The best {@code limit} files for what someone typed (a fuzzy pattern, maybe with a {@code :line} suffix), best
     * first; for an empty pattern the shortest paths. Works while the first walk is still going, on what it found.
     */
    public QuickOpenResult query(String typed, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("The limit must be at least 1: " + limit);
        }
        var query = QuickOpenQuery.parse(typed);
        var matcher = FuzzyMatcher.compile(query.pattern());
        var paths = snapshot();
        var best = new PriorityQueue<>(limit + 1, WORST_FIRST);
        var matched = 0;
        for (var path : paths) {
            var full = best.size() == limit;
            var score = matcher.score(path, full ? best.peek().score() : Integer.MIN_VALUE);
            if (score == FuzzyMatcher.NO_MATCH) {
                continue;
            }
            matched++;
            if (score == FuzzyMatcher.BELOW || full && !beats(score, path, best.peek())) {
                continue;
            }
            best.add(new Ranked(path, score, matcher.isEmpty() ? new int[0] : matcher.positions().clone()));
            if (best.size() > limit) {
                best.poll();
            }
        }
        var ranked = new ArrayList<FileMatch>(best.size());
        while (!best.isEmpty()) {
            var next = best.poll();
            ranked.add(new FileMatch(next.path().path, next.score(), next.positions()));
        }
        return new QuickOpenResult(query, ranked.reversed(), matched, paths.length, !isReady());
    }

    /**
     * Brings the index in line with changes reported by {@code ProjectWatcher}; returns at once, the future
     * completes once they are applied. Paths outside the project are ignored.
     */
    public CompletableFuture<Void> apply(List<FileChange> changes) {
        var rescan = changes.stream().anyMatch(change -> change.kind() == FileChange.Kind.RESCAN);
        return pathsChanged(rescan ? List.of(root) : changes.stream().map(FileChange::path).toList());
    }

    /**
     * Brings the index in line with the disk for each path (created, changed or deleted, whatever it was); the
     * project folder itself among them means anything may have changed and walks everything again. Returns at once;
     * the future completes once the paths are checked.
     */
    public CompletableFuture<Void> pathsChanged(Collection<Path> paths) {
        var copy = List.copyOf(paths);
        var done = new CompletableFuture<Void>();
        try {
            worker.execute(() -> {
                try {
                    update(copy);
                    done.complete(null);
                } catch (RuntimeException failed) {
                    LOG.warn("Updating the file index of {} failed", root, failed);
                    done.completeExceptionally(failed);
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            done.complete(null);
        }
        return done;
    }

    /** Stops the index's thread; queries still answer from what was indexed. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        ready.completeExceptionally(new EngineException("The file index of " + root + " was closed"));
    }

    IndexedPath[] snapshot() {
        synchronized (lock) {
            if (snapshotStale) {
                snapshot = files.values().toArray(IndexedPath[]::new);
                snapshotStale = false;
            }
            return snapshot;
        }
    }

    private static boolean beats(int score, IndexedPath path, Ranked worst) {
        if (score != worst.score()) {
            return score > worst.score();
        }
        var length = path.path.length();
        var worstLength = worst.path().path.length();
        if (length != worstLength) {
            return length < worstLength;
        }
        return path.path.compareTo(worst.path().path) < 0;
    }

    private void firstWalk() {
        try {
            if (!Files.isDirectory(root)) {
                throw new EngineException("Cannot index " + root + ": it is not a folder");
            }
            rescan();
            ready.complete(this);
        } catch (RuntimeException failed) {
            ready.completeExceptionally(failed);
        }
    }

    private void update(List<Path> paths) {
        if (closed) {
            return;
        }
        var needsRescan = false;
        for (var path : paths) {
            var absolute = path.toAbsolutePath().normalize();
            if (absolute.equals(root)) {
                needsRescan = true;
            } else if (absolute.startsWith(root)) {
                var relative = relative(absolute);
                if (isIgnoreFile(relative)) {
                    needsRescan = true;
                } else {
                    refresh(absolute, relative);
                }
            }
        }
        if (needsRescan) {
            rescan();
        }
    }

    private static boolean isIgnoreFile(String relative) {
        return relative.equals(GITIGNORE) || relative.endsWith("/" + GITIGNORE) || relative.equals(".git/info/exclude");
    }

    /** Checks one path against the disk: adds it (or the files of a folder), or removes it and what was under it. */
    private void refresh(Path absolute, String relative) {
        if (excluded(relative)) {
            return;
        }
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            var found = new ArrayList<IndexedPath>();
            Map<String, GitIgnore> rules;
            synchronized (lock) {
                rules = new HashMap<>(ignores);
            }
            walk(absolute, relative, found, rules, false);
            synchronized (lock) {
                ignores.putAll(rules);
                found.forEach(this::put);
            }
        } else if (isFile(absolute)) {
            synchronized (lock) {
                put(new IndexedPath(relative));
            }
        } else {
            var prefix = relative + "/";
            synchronized (lock) {
                var removed = files.remove(relative) != null;
                removed |= files.keySet().removeIf(path -> path.startsWith(prefix));
                snapshotStale |= removed;
            }
        }
    }

    private void put(IndexedPath path) {
        if (files.size() >= MAX_FILES && !files.containsKey(path.path)) {
            truncated = true;
            return;
        }
        if (files.putIfAbsent(path.path, path) == null) {
            snapshotStale = true;
        }
    }

    /**
     * Walks everything again. The first walk shows files as it finds them, so that quick open answers early in a
     * big project; later ones swap the result in at once, so that queries never see a half-empty index.
     */
    private void rescan() {
        var rules = new HashMap<String, GitIgnore>();
        readExclude().ifPresent(exclude -> rules.put("", exclude));
        boolean progressive;
        synchronized (lock) {
            progressive = files.isEmpty();
        }
        var found = new ArrayList<IndexedPath>();
        walk(root, "", found, rules, progressive);
        synchronized (lock) {
            ignores.clear();
            ignores.putAll(rules);
            if (!progressive) {
                files.clear();
                truncated = false;
            }
            found.forEach(this::put);
            snapshotStale = true;
        }
        LOG.debug("Indexed {} files under {}", size(), root);
    }

    private Optional<GitIgnore> readExclude() {
        var exclude = root.resolve(".git/info/exclude");
        return Files.isRegularFile(exclude) ? readRules(exclude) : Optional.empty();
    }

    /**
     * Walks {@code start} (at {@code startRelative}), collecting files that nothing excludes into {@code found}; with
     * {@code publish}, moves them into the index every {@link #PUBLISH_EVERY} files.
     */
    private void walk(Path start, String startRelative, List<IndexedPath> found, Map<String, GitIgnore> rules,
                      boolean publish) {
        var counted = new int[1];
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    if (closed || counted[0] >= MAX_FILES) {
                        truncated |= counted[0] >= MAX_FILES;
                        return FileVisitResult.TERMINATE;
                    }
                    var relative = folder.equals(start) ? startRelative : relative(folder);
                    if (!folder.equals(root) && excluded(relative, true, rules)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    var ignoreFile = folder.resolve(GITIGNORE);
                    if (Files.isRegularFile(ignoreFile)) {
                        readRules(ignoreFile).ifPresent(read -> rules.merge(relative, read, GitIgnore::andThen));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    var isFile = attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(file);
                    if (isFile) {
                        var relative = relative(file);
                        if (!excluded(relative, false, rules)) {
                            found.add(new IndexedPath(relative));
                            counted[0]++;
                        }
                        if (publish && found.size() >= PUBLISH_EVERY) {
                            synchronized (lock) {
                                found.forEach(FileIndex.this::put);
                            }
                            found.clear();
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException error) {
                    LOG.debug("Not indexing {}: {}", file, error.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException error) {
            throw new EngineException("Cannot index " + start + ": " + error.getMessage(), error);
        }
    }

    private boolean excluded(String relative) {
        Map<String, GitIgnore> rules;
        synchronized (lock) {
            rules = Map.copyOf(ignores);
        }
        // Every folder on the way must be kept for the path to be.
        var slash = relative.indexOf('/');
        while (slash >= 0) {
            if (excluded(relative.substring(0, slash), true, rules)) {
                return true;
            }
            slash = relative.indexOf('/', slash + 1);
        }
        return excluded(relative, Files.isDirectory(root.resolve(relative), LinkOption.NOFOLLOW_LINKS), rules);
    }

    /** Whether the skipped names or the ignore files of the folders above {@code relative} leave it out. */
    private static boolean excluded(String relative, boolean folder, Map<String, GitIgnore> rules) {
        var name = relative.substring(relative.lastIndexOf('/') + 1);
        if (folder && SKIPPED_FOLDERS.contains(name)) {
            return true;
        }
        var verdict = GitIgnore.Verdict.UNDECIDED;
        // From the top down: a deeper .gitignore overrides a higher one.
        var base = "";
        while (true) {
            var here = rules.get(base);
            if (here != null) {
                var below = base.isEmpty() ? relative : relative.substring(base.length() + 1);
                var said = here.verdict(below, folder);
                if (said != GitIgnore.Verdict.UNDECIDED) {
                    verdict = said;
                }
            }
            var next = relative.indexOf('/', base.isEmpty() ? 0 : base.length() + 1);
            if (next < 0) {
                break;
            }
            base = relative.substring(0, next);
        }
        return verdict == GitIgnore.Verdict.IGNORED;
    }

    private static Optional<GitIgnore> readRules(Path file) {
        try {
            var rules = GitIgnore.parse(Files.readString(file, StandardCharsets.UTF_8));
            return rules.isEmpty() ? Optional.empty() : Optional.of(rules);
        } catch (IOException | RuntimeException unreadable) {
            LOG.debug("Not reading ignore rules from {}: {}", file, unreadable.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isFile(Path path) {
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(path) && Files.isRegularFile(path);
    }

    private String relative(Path absolute) {
        var relative = root.relativize(absolute).toString();
        return absolute.getFileSystem().getSeparator().equals("/") ? relative : relative.replace('\\', '/');
    }

    private record Ranked(IndexedPath path, int score, int[] positions) {
    }
}
