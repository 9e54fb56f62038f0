package dev.cyberdevstudio.models.library;

import dev.cyberdevstudio.models.ModelsException;
import dev.cyberdevstudio.models.catalog.CatalogEntry;
import dev.cyberdevstudio.models.catalog.JsonFiles;
import dev.cyberdevstudio.models.catalog.ModelCatalog;
import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model files in the user's models folder: which are there, their size, header and whether each is known to be
 * the file its source published. What the files themselves cannot tell (catalog id, last checked hash, install
 * time) lives in {@code library.json} in the same folder, so it survives restarts. A {@code .gguf} file dropped into
 * the folder by hand appears as UNVERIFIED on the next {@link #refresh()}; a file whose SHA-256 differs from the
 * published one is MISMATCH and not usable; a file whose header cannot be read is UNREADABLE. Thread-safe.
 */
public final class ModelLibrary {

    public static final String METADATA_FILE = "library.json";

    private static final Logger LOG = LoggerFactory.getLogger(ModelLibrary.class);
    private static final int BUFFER = 1 << 16;

    private final Path folder;
    private final HeaderReader reader;
    private final ModelCatalog catalog;
    private final Map<String, LibraryFile.Entry> records = new TreeMap<>();
    private final Map<String, InstalledModel> models = new TreeMap<>();
    private final Map<String, Header> headers = new HashMap<>();
    private final Set<String> checking = new HashSet<>();
    private final List<Consumer<List<InstalledModel>>> listeners = new CopyOnWriteArrayList<>();

    private ModelLibrary(Path folder, HeaderReader reader, ModelCatalog catalog) {
        this.folder = folder;
        this.reader = reader;
        this.catalog = catalog;
    }

    /**
     * Opens (creating it when needed) the models folder. The studio passes {@code GgufReader::read} as the header
     * reader and its {@link ModelCatalog}, whose published checksums {@link #verify(Path)} compares against.
     */
    public static ModelLibrary open(Path modelsFolder, HeaderReader reader, ModelCatalog catalog) {
        Path folder = modelsFolder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ModelsException("Cannot create the models folder " + folder + ": " + e.getMessage(), e);
        }
        ModelLibrary library = new ModelLibrary(folder, reader, catalog);
        library.loadMetadata();
        library.refresh();
        return library;
    }

    /** As {@link #open(Path, HeaderReader, ModelCatalog)} with the bundled catalog. */
    public static ModelLibrary open(Path modelsFolder, HeaderReader reader) {
        return open(modelsFolder, reader, ModelCatalog.bundled());
    }

    public Path folder() {
        return folder;
    }

    public synchronized List<InstalledModel> installed() {
        return List.copyOf(models.values());
    }

    public synchronized Optional<InstalledModel> find(Path file) {
        return Optional.ofNullable(models.get(file.getFileName().toString()))
            .filter(m -> m.file().equals(file.toAbsolutePath().normalize()));
    }

    /** Called with the new list after every change, on the thread that made it. */
    public void addListener(Consumer<List<InstalledModel>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<InstalledModel>> listener) {
        listeners.remove(listener);
    }

    /** Rescans the folder: files added or removed by hand, changed since their last check, headers re-read. */
    public void refresh() {
        List<InstalledModel> snapshot;
        synchronized (this) {
            rescan();
            snapshot = List.copyOf(models.values());
        }
        notifyListeners(snapshot);
    }

    /**
     * Copies a model file into the folder (the original stays where it is) and lists it as UNVERIFIED until
     * {@link #verify(Path)} is asked for. A file already in the folder is registered in place.
     *
     * @throws ModelsException when the file is not a readable GGUF (nothing is copied), a file of that name is
     *                         already in the folder, or the copy fails (for instance the disk is full; no partial
     *                         copy is left behind)
     */
    public InstalledModel addLocalFile(Path file) {
        Path source = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source)) {
            throw new ModelsException(source + " is not a file");
        }
        if (source.getParent().equals(folder)) {
            refresh();
            return find(source).orElseThrow(() -> new ModelsException(source + " is not a .gguf model file"));
        }
        String name = source.getFileName().toString();
        if (!ModelCatalog.isSafeFileName(name) || !name.toLowerCase(Locale.ROOT).endsWith(".gguf")) {
            throw new ModelsException(source + " is not a .gguf model file");
        }
        Path target = folder.resolve(name);
        if (Files.exists(target)) {
            throw new ModelsException(name + " is already in " + folder);
        }
        reader.read(source);
        copyInto(source, target);
        synchronized (this) {
            records.put(name, new LibraryFile.Entry(name, catalog.findByFileName(name).map(CatalogEntry::id)
                .orElse(null), VerificationState.UNVERIFIED, null, null, null, Instant.now().toString()));
        }
        refresh();
        return find(target).orElseThrow();
    }

    /**
     * Records a file the downloader put in the folder: its hash was computed over the bytes on disk and, when
     * {@code verified}, compared with the published one, so it need not be hashed again.
     */
    public void recordDownload(Path file, Optional<String> catalogId, String sha256, boolean verified) {
        String name = nameInFolder(file);
        synchronized (this) {
            long[] stamp = stamp(folder.resolve(name));
            records.put(name, new LibraryFile.Entry(name, catalogId.or(() -> catalog.findByFileName(name)
                .map(CatalogEntry::id)).orElse(null), verified ? VerificationState.VERIFIED
                : VerificationState.UNVERIFIED, sha256, stamp[0], stamp[1], Instant.now().toString()));
        }
        refresh();
    }

    /**
     * Hashes the file on a virtual thread and compares it with the SHA-256 its catalog entry publishes: VERIFIED
     * when they match, MISMATCH (not usable) when not, UNVERIFIED when nothing is published. The model shows as
     * CHECKING meanwhile.
     */
    public CompletableFuture<InstalledModel> verify(Path file) {
        String name = nameInFolder(file);
        Path path = folder.resolve(name);
        List<InstalledModel> snapshot;
        synchronized (this) {
            if (!models.containsKey(name)) {
                rescan();
            }
            if (!models.containsKey(name)) {
                return CompletableFuture.failedFuture(new ModelsException(name + " is not in " + folder));
            }
            checking.add(name);
            rescan();
            snapshot = List.copyOf(models.values());
        }
        notifyListeners(snapshot);
        CompletableFuture<InstalledModel> result = new CompletableFuture<>();
        Thread.ofVirtual().name("model-verify-" + name).start(() -> {
            try {
                long[] before = stamp(path);
                String sha = sha256(path);
                result.complete(checked(name, sha, before));
            } catch (RuntimeException e) {
                synchronized (this) {
                    checking.remove(name);
                    rescan();
                }
                refresh();
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private InstalledModel checked(String name, String sha, long[] stamp) {
        InstalledModel model;
        synchronized (this) {
            checking.remove(name);
            LibraryFile.Entry old = records.get(name);
            Optional<String> catalogId = Optional.ofNullable(old == null ? null : old.catalogId())
                .or(() -> catalog.findByFileName(name).map(CatalogEntry::id));
            Optional<String> expected = expectedSha(name, catalogId);
            VerificationState state = expected.isEmpty() ? VerificationState.UNVERIFIED
                : expected.get().equals(sha) ? VerificationState.VERIFIED : VerificationState.MISMATCH;
            records.put(name, new LibraryFile.Entry(name, catalogId.orElse(null), state, sha, stamp[0], stamp[1],
                old == null ? Instant.now().toString() : old.installedAt()));
            rescan();
            model = models.get(name);
            if (model == null) {
                throw new ModelsException(name + " disappeared from " + folder + " while it was checked");
            }
        }
        LOG.info("Checked {}: {}", name, model.verification());
        refresh();
        return model;
    }

    /**
     * Deletes the file and what the library knew about it.
     *
     * @throws ModelsException for a file outside the models folder or one that cannot be deleted
     */
    public void delete(Path file) {
        String name = nameInFolder(file);
        try {
            Files.deleteIfExists(folder.resolve(name));
        } catch (IOException e) {
            throw new ModelsException("Cannot delete " + name + " from " + folder + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            records.remove(name);
        }
        refresh();
    }

    private void rescan() {
        Map<String, InstalledModel> found = new TreeMap<>();
        for (Path file : modelFiles()) {
            String name = file.getFileName().toString();
            long[] stamp = stamp(file);
            if (stamp[0] < 0) {
                continue;
            }
            LibraryFile.Entry record = current(name, stamp);
            records.put(name, record);
            Header header = header(file, stamp);
            VerificationState state = checking.contains(name) ? VerificationState.CHECKING
                : header.info().isEmpty() ? VerificationState.UNREADABLE : record.state();
            Optional<String> problem = header.problem().or(() -> record.state() == VerificationState.MISMATCH
                ? Optional.of(mismatch(name, record)) : Optional.empty());
            found.put(name, new InstalledModel(file, stamp[0], Optional.ofNullable(record.catalogId()),
                header.info(), state, problem, Instant.parse(record.installedAt())));
        }
        records.keySet().retainAll(found.keySet());
        headers.keySet().retainAll(found.keySet());
        models.clear();
        models.putAll(found);
        saveMetadata();
    }

    /** The stored record, a new UNVERIFIED one for a file seen for the first time, reset when the file changed. */
    private LibraryFile.Entry current(String name, long[] stamp) {
        LibraryFile.Entry record = records.get(name);
        if (record == null) {
            LOG.info("Found {} in {}: unverified", name, folder);
            return new LibraryFile.Entry(name, catalog.findByFileName(name).map(CatalogEntry::id).orElse(null),
                VerificationState.UNVERIFIED, null, null, null, Instant.now().toString());
        }
        boolean checked = record.state() != VerificationState.UNVERIFIED || record.sha256() != null;
        if (checked && (record.checkedSize() == null
            || record.checkedSize() != stamp[0] || record.checkedModified() != stamp[1])) {
            LOG.info("{} changed since it was checked: unverified again", name);
            return new LibraryFile.Entry(name, record.catalogId(), VerificationState.UNVERIFIED, null, null, null,
                record.installedAt());
        }
        return record;
    }

    private String mismatch(String name, LibraryFile.Entry record) {
        String published = expectedSha(name, Optional.ofNullable(record.catalogId())).orElse("?");
        return "The SHA-256 of " + name + " is " + record.sha256() + " but its source publishes " + published
            + ": the file is damaged or not the published one; delete it and download it again";
    }

    private Optional<String> expectedSha(String name, Optional<String> catalogId) {
        return catalogId.flatMap(catalog::find).or(() -> catalog.findByFileName(name)).flatMap(CatalogEntry::sha256);
    }

    private Header header(Path file, long[] stamp) {
        String name = file.getFileName().toString();
        Header cached = headers.get(name);
        if (cached != null && cached.size() == stamp[0] && cached.modified() == stamp[1]) {
            return cached;
        }
        Header header;
        try {
            header = new Header(stamp[0], stamp[1], Optional.of(reader.read(file)), Optional.empty());
        } catch (ModelsException e) {
            header = new Header(stamp[0], stamp[1], Optional.empty(), Optional.of(e.getMessage()));
        }
        headers.put(name, header);
        return header;
    }

    private List<Path> modelFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".gguf")
                    && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (IOException e) {
            throw new ModelsException("Cannot list the models folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private void copyInto(Path source, Path target) {
        Path tmp = folder.resolve("." + target.getFileName() + ".copying");
        try {
            long size = Files.size(source);
            long usable = Files.getFileStore(folder).getUsableSpace();
            if (usable < size) {
                throw new ModelsException("Not enough free space in " + folder + " to copy " + source.getFileName()
                    + ": it needs " + size + " bytes, " + usable + " are free");
            }
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } catch (IOException e) {
            throw new ModelsException("Cannot copy " + source + " into " + folder + " (disk full?): "
                + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("Could not remove the unfinished copy {}: {}", tmp, e.getMessage());
            }
        }
    }

    private String nameInFolder(Path file) {
        Path path = file.toAbsolutePath().normalize();
        if (!folder.equals(path.getParent())) {
            throw new ModelsException(path + " is not in the models folder " + folder);
        }
        return path.getFileName().toString();
    }

    private void loadMetadata() {
        Path file = folder.resolve(METADATA_FILE);
        try {
            JsonFiles.read(file, LibraryFile.class).ifPresent(f -> f.models().stream()
                .filter(e -> e.file() != null && e.state() != null && e.installedAt() != null)
                .forEach(e -> records.put(e.file(), e)));
        } catch (ModelsException e) {
            // Only verification states are lost: every file shows as unverified again, none as wrongly verified.
            Path aside = folder.resolve(METADATA_FILE + ".corrupt");
            LOG.warn("{}; moving it to {} and starting afresh", e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ex) {
                LOG.warn("Could not move {} aside: {}", file, ex.getMessage());
            }
        }
    }

    private void saveMetadata() {
        JsonFiles.write(folder.resolve(METADATA_FILE), new LibraryFile(LibraryFile.VERSION,
            List.copyOf(records.values())));
    }

    private void notifyListeners(List<InstalledModel> snapshot) {
        for (Consumer<List<InstalledModel>> listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("A model library listener failed", e);
            }
        }
    }

    /** Size and modification time in ms; size -1 when the file is gone. */
    private static long[] stamp(Path file) {
        try {
            return new long[] {Files.size(file), Files.getLastModifiedTime(file).toMillis()};
        } catch (IOException e) {
            return new long[] {-1, -1};
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) != -1) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new ModelsException("Cannot read " + file + " to check it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private record Header(long size, long modified, Optional<GgufInfo> info, Optional<String> problem) {
    }
}
