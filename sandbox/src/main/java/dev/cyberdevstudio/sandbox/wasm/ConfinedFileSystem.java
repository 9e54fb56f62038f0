package dev.cyberdevstudio.sandbox.wasm;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The host file system as a WASI guest may touch it: only below one folder, whatever symbolic links say.
 *
 * <p>Why: Chicory's WASI refuses {@code ..} and absolute paths, but then hands the joined path to the host, which
 * follows symbolic links anywhere. A link planted in the project ({@code project/etc -> /etc}) or made by the guest
 * itself ({@code dot -> .}, then {@code dot/..}) led out of the folder. Handing WASI a path of this file system instead
 * makes every open, stat, list, rename and delete resolve the real host path first and refuse what lies outside.
 * The guest may not create symbolic links at all.
 *
 * <p>The limit: the check and the use are two system calls. A host process that swaps a folder inside the project
 * for a link in between could still win the race; the guest itself cannot (WASI preview 1 guests are single
 * threaded, and every call of theirs is checked). Java offers no {@code openat(O_NOFOLLOW)} walk to close that.
 */
final class ConfinedFileSystem extends FileSystem {

    private final ConfinedFileSystemProvider provider;
    private final FileSystem host = FileSystems.getDefault();

    /**
     * @param root    the folder the guest may see; must exist (it is resolved to its real path here)
     * @param refused told the guest path of each refused access, to explain it to the user
     */
    ConfinedFileSystem(Path root, Consumer<String> refused) {
        this.provider = new ConfinedFileSystemProvider(this, root, Objects.requireNonNull(refused, "refused"));
    }

    /** The root folder as a path of this file system: what WASI gets as its preopened directory. */
    Path root() {
        return new ConfinedPath(this, provider.root());
    }

    @Override
    public ConfinedFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // Nothing to release: the host file system stays open.
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return host.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of();
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return host.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return new ConfinedPath(this, host.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        var matcher = host.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(path instanceof ConfinedPath confined ? confined.host() : path);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("a guest cannot look up host users");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("a guest cannot watch host folders");
    }
}
