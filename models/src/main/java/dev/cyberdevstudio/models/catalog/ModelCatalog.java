package dev.cyberdevstudio.models.catalog;

import dev.cyberdevstudio.models.ModelsException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models the studio offers: the recommended ones bundled with it (one or more per {@link ModelRole}, at most 3B
 * parameters, with their published size and SHA-256 where the source publishes one) followed by the ones the user
 * added by URL, which persist in a JSON file of their own. Thread-safe.
 */
public final class ModelCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ModelCatalog.class);
    private static final String BUNDLED_RESOURCE = "catalog.json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern QUANTISATION = Pattern.compile(
        "(?i)(?:^|[-._])((?:I?Q\\d(?:_[A-Z0-9]+)*)|F16|BF16|F32)(?=\\.gguf$|[-._])");
    private static final Pattern PARAMETERS = Pattern.compile("(?i)(?:^|[-._])(\\d+(?:\\.\\d+)?[BM])(?=[-._])");

    private final List<CatalogEntry> bundled;
    private final List<CatalogEntry> user = new ArrayList<>();
    private final Optional<Path> userFile;

    private ModelCatalog(List<CatalogEntry> bundled, Optional<Path> userFile) {
        this.bundled = List.copyOf(bundled);
        this.userFile = userFile;
    }

    /** The bundled catalog only; models added to it by URL live in memory and are lost on exit. */
    public static ModelCatalog bundled() {
        return new ModelCatalog(readBundled(), Optional.empty());
    }

    /**
     * The bundled catalog plus the user's entries from {@code userCatalogFile} (absent: none yet). Entries added or
     * removed later are written back to that file.
     *
     * @throws ModelsException when the file exists but is not a catalog, naming the file and the cause
     */
    public static ModelCatalog load(Path userCatalogFile) {
        ModelCatalog catalog = new ModelCatalog(readBundled(), Optional.of(userCatalogFile));
        Optional<CatalogFile> file = JsonFiles.read(userCatalogFile, CatalogFile.class);
        file.ifPresent(f -> {
            for (CatalogFile.Entry e : f.models()) {
                CatalogEntry entry = toEntry(e, true, userCatalogFile.toString());
                catalog.checkUnique(entry, userCatalogFile.toString());
                catalog.user.add(entry);
            }
        });
        return catalog;
    }

    private static List<CatalogEntry> readBundled() {
        InputStream in = ModelCatalog.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new ModelsException("The bundled model catalog " + BUNDLED_RESOURCE + " is missing from the build");
        }
        CatalogFile file = JsonFiles.read(in, "The bundled model catalog", CatalogFile.class);
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (CatalogFile.Entry e : file.models()) {
            CatalogEntry entry = toEntry(e, false, "the bundled catalog");
            if (!ids.add(entry.id())) {
                throw new ModelsException("The bundled catalog lists " + entry.id() + " twice");
            }
            entries.add(entry);
        }
        return entries;
    }

    public synchronized List<CatalogEntry> entries() {
        return Stream.concat(bundled.stream(), user.stream()).toList();
    }

    public synchronized Optional<CatalogEntry> find(String id) {
        return Stream.concat(bundled.stream(), user.stream()).filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entry whose download is saved under this file name, so a file found on disk can be checked against it. */
    public synchronized Optional<CatalogEntry> findByFileName(String fileName) {
        return Stream.concat(bundled.stream(), user.stream()).filter(e -> e.fileName().equals(fileName)).findFirst();
    }

    /** The models offered for a role, the recommended one first. */
    public synchronized List<CatalogEntry> byRole(ModelRole role) {
        return Stream.concat(bundled.stream(), user.stream()).filter(e -> e.role() == role).toList();
    }

    /** The studio's recommendation for a role: the first bundled entry for it. */
    public Optional<CatalogEntry> recommended(ModelRole role) {
        return bundled.stream().filter(e -> e.role() == role).findFirst();
    }

    /**
     * Adds a model the user found elsewhere. Its file name is the last segment of the URL's path; its quantisation
     * and parameter count are guessed from that name when it follows the usual "name-1.5b-q4_k_m.gguf" pattern,
     * else shown as unknown. Without a SHA-256 the download is shown as unverified.
     *
     * @throws ModelsException for a URL that is not http(s) or names no file, a malformed checksum, or a file name
     *                         or id the catalog already has
     */
    public synchronized CatalogEntry addByUrl(URI url, String name, ModelRole role, Optional<String> sha256,
                                              Optional<Long> sizeBytes) {
        String fileName = fileNameOf(url);
        String id = "user-" + fileName.replaceFirst("(?i)\\.gguf$", "").toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]+", "-");
        String label = name == null || name.isBlank() ? fileName : name.strip();
        CatalogFile.Entry raw = new CatalogFile.Entry(id, label, role,
            guess(PARAMETERS, fileName, "unknown"),
            url.toString(), fileName, sizeBytes.orElse(null), sha256.map(s -> s.strip().toLowerCase(Locale.ROOT))
            .orElse(null), "unknown", 0L, guess(QUANTISATION, fileName, "unknown"));
        CatalogEntry entry = toEntry(raw, true, url.toString());
        checkUnique(entry, "the catalog");
        user.add(entry);
        save();
        LOG.info("Added {} ({}) to the model catalog", entry.id(), url);
        return entry;
    }

    /**
     * Removes a model the user added.
     *
     * @throws ModelsException for an unknown id or a bundled entry, which the user cannot remove
     */
    public synchronized void remove(String id) {
        if (bundled.stream().anyMatch(e -> e.id().equals(id))) {
            throw new ModelsException(id + " is one of the studio's recommended models and cannot be removed");
        }
        if (!user.removeIf(e -> e.id().equals(id))) {
            throw new ModelsException("The catalog has no model " + id);
        }
        save();
    }

    private void checkUnique(CatalogEntry entry, String where) {
        for (CatalogEntry existing : entries()) {
            if (existing.id().equals(entry.id()) || existing.fileName().equals(entry.fileName())) {
                throw new ModelsException(entry.fileName() + " from " + where + " is already in the catalog as "
                    + existing.id());
            }
        }
    }

    private void save() {
        userFile.ifPresent(file -> JsonFiles.write(file, new CatalogFile(CatalogFile.VERSION,
            user.stream().map(ModelCatalog::toJson).toList())));
    }

    private static String guess(Pattern pattern, String fileName, String fallback) {
        Matcher m = pattern.matcher(fileName);
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : fallback;
    }

    static String fileNameOf(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new ModelsException(url + " is not an http or https address");
        }
        String path = url.getPath() == null ? "" : url.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (!isSafeFileName(last)) {
            throw new ModelsException(url + " does not end in a file name (expected something like model.gguf)");
        }
        return last;
    }

    /** A plain name for a file directly in the models folder: no separators, no hidden or special names. */
    public static boolean isSafeFileName(String name) {
        return name != null && !name.isBlank() && !name.startsWith(".") && !name.contains("/")
            && !name.contains("\\") && !name.contains("\0") && name.length() <= 255
            && !name.endsWith(".part") && !name.endsWith(".json");
    }

    private static CatalogEntry toEntry(CatalogFile.Entry e, boolean userAdded, String where) {
        if (e.id() == null || e.id().isBlank() || e.name() == null || e.role() == null || e.source() == null
            || e.fileName() == null) {
            throw new ModelsException("A model entry in " + where + " lacks its id, name, role, source or file name");
        }
        URI source;
        try {
            source = new URI(e.source());
        } catch (URISyntaxException ex) {
            throw new ModelsException(e.id() + " in " + where + " has a malformed address: " + e.source(), ex);
        }
        fileNameOf(source);
        if (!isSafeFileName(e.fileName())) {
            throw new ModelsException(e.id() + " in " + where + " has an unusable file name: " + e.fileName());
        }
        if (e.sha256() != null && !SHA256.matcher(e.sha256()).matches()) {
            throw new ModelsException(e.id() + " in " + where
                + " has a malformed SHA-256 (expected 64 lower-case hex digits): " + e.sha256());
        }
        if (e.sizeBytes() != null && e.sizeBytes() <= 0) {
            throw new ModelsException(e.id() + " in " + where + " has a size of " + e.sizeBytes() + " bytes");
        }
        return new CatalogEntry(e.id(), e.name(), e.role(), orUnknown(e.parameters()), source, e.fileName(),
            Optional.ofNullable(e.sizeBytes()), Optional.ofNullable(e.sha256()), orUnknown(e.licence()),
            e.contextLength() == null ? 0 : e.contextLength(), orUnknown(e.quantisation()), userAdded);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static CatalogFile.Entry toJson(CatalogEntry e) {
        return new CatalogFile.Entry(e.id(), e.name(), e.role(), e.parameters(), e.source().toString(),
            e.fileName(), e.sizeBytes().orElse(null), e.sha256().orElse(null), e.licence(), e.contextLength(),
            e.quantisation());
    }
}
