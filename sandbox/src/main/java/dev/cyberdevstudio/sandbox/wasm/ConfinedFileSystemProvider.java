package dev.cyberdevstudio.sandbox.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Checks, before each operation, that a {@link ConfinedPath} really leads to something inside the root, then lets the
 * host's provider do the work. See {@link ConfinedFileSystem} for why and for the limit of the approach.
 */
final class ConfinedFileSystemProvider extends FileSystemProvider {

    private final ConfinedFileSystem fileSystem;
    private final Path root;
    private final Consumer<String> refused;

    ConfinedFileSystemProvider(ConfinedFileSystem fileSystem, Path root, Consumer<String> refused) {
        this.fileSystem = fileSystem;
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("the folder to preopen cannot be read: " + root, e);
        }
        this.refused = refused;
    }

    Path root() {
        return root;
    }

    static boolean noFollow(LinkOption... options) {
        return Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean noFollow(Set<? extends OpenOption> options) {
        return options.contains(LinkOption.NOFOLLOW_LINKS);
    }

    private static ConfinedPath confined(Path path) {
        if (path instanceof ConfinedPath confined) {
            return confined;
        }
        throw new ProviderMismatchException("not a confined path: " + path);
    }

    /**
     * The host path behind {@code path}, once it is known to lead inside the root. Symbolic links are resolved on the
     * way; with {@code followFinal} false the last name is taken as it is (the operation acts on a link, not on what it
     * points at). For a path that does not exist yet, its nearest existing ancestor is what must lie inside.
     */
    Path checked(ConfinedPath path, boolean followFinal) throws IOException {
        var target = path.host().toAbsolutePath();
        var fileName = target.getFileName();
        boolean dotName = fileName == null || fileName.toString().equals(".") || fileName.toString().equals("..");
        var existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        Path real;
        if (existing == null) {
            real = target;
        } else if (existing.equals(target) && !followFinal && !dotName) {
            // Acting on the entry itself: its folder must be inside, the entry may be a link pointing anywhere.
            real = target.getParent().toRealPath().resolve(fileName);
        } else {
            real = existing.toRealPath();
        }
        if (dotName && fileName != null && real.equals(root.getParent()) && fileName.toString().equals("..")
                && target.getParent().toRealPath().equals(root)) {
            // The root's ".." is the root itself, as "/.." is "/": listing the folder stats it, and that is no escape.
            return root;
        }
        if (!real.startsWith(root)) {
            refused.accept(path.toString());
            throw new AccessDeniedException(path.toString(), null, "leads outside the preopened folder");
        }
        return target;
    }

    private Path followed(Path path) throws IOException {
        return checked(confined(path), true);
    }

    private Path checked(Path path, LinkOption... options) throws IOException {
        return checked(confined(path), !noFollow(options));
    }

    private static FileSystemProvider hostProvider(Path hostPath) {
        return hostPath.getFileSystem().provider();
    }

    @Override
    public String getScheme() {
        return "cyberdevstudio-wasi";
    }

    @Override
    public ConfinedFileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("confined file systems are made by the WebAssembly sandbox");
    }

    @Override
    public ConfinedFileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("confined file systems are made by the WebAssembly sandbox");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("a confined path has no URI");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        var host = checked(confined(path), !noFollow(options));
        return hostProvider(host).newByteChannel(host, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options,
                                      FileAttribute<?>... attrs) throws IOException {
        var host = checked(confined(path), !noFollow(options));
        return hostProvider(host).newFileChannel(host, options, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        var host = followed(dir);
        var stream = Files.newDirectoryStream(host);
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                var entries = stream.iterator();
                return new Iterator<>() {
                    private Path next = advance();

                    private Path advance() {
                        while (entries.hasNext()) {
                            var entry = new ConfinedPath(fileSystem, entries.next());
                            try {
                                if (filter.accept(entry)) {
                                    return entry;
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public Path next() {
                        if (next == null) {
                            throw new java.util.NoSuchElementException();
                        }
                        var current = next;
                        next = advance();
                        return current;
                    }
                };
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        var host = checked(confined(dir), false);
        hostProvider(host).createDirectory(host, attrs);
    }

    /** Refused outright: a link made by the guest would outlive the run and mislead the studio's own tools. */
    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        refused.accept(link.toString());
        throw new UnsupportedOperationException("the WebAssembly sandbox does not let a guest create symbolic links");
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        var hostLink = checked(confined(link), false);
        var hostExisting = checked(confined(existing), false);
        hostProvider(hostLink).createLink(hostLink, hostExisting);
    }

    /**
     * A relative target comes back resolved against the link's folder, which is what it means. Chicory's WASI would
     * otherwise take it relative to the studio's working directory (and this file system would refuse it as outside).
     */
    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        var host = checked(confined(link), false);
        var target = hostProvider(host).readSymbolicLink(host);
        return new ConfinedPath(fileSystem, target.isAbsolute() ? target : host.resolveSibling(target));
    }

    @Override
    public void delete(Path path) throws IOException {
        var host = checked(confined(path), false);
        hostProvider(host).delete(host);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        var from = checked(confined(source), !Arrays.asList(options).contains(LinkOption.NOFOLLOW_LINKS));
        var to = checked(confined(target), false);
        hostProvider(from).copy(from, to, options);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        var from = checked(confined(source), false);
        var to = checked(confined(target), false);
        hostProvider(from).move(from, to, options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        var first = followed(path);
        var second = followed(path2);
        return hostProvider(first).isSameFile(first, second);
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        var host = followed(path);
        return hostProvider(host).isHidden(host);
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        var host = followed(path);
        return hostProvider(host).getFileStore(host);
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        var host = followed(path);
        hostProvider(host).checkAccess(host, modes);
    }

    /** Checked when the view is made: the guest is single threaded, so it cannot swap the path before using it. */
    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        try {
            var host = checked(path, options);
            return hostProvider(host).getFileAttributeView(host, type, options);
        } catch (IOException refusal) {
            return refusingView(type, refusal);
        }
    }

    /** A view whose every use fails as the check did, so that the guest gets an error code, not a host crash. */
    private static <V extends FileAttributeView> V refusingView(Class<V> type, IOException refusal) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "name" -> "refused";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "refused view: " + refusal.getMessage();
            default -> throw refusal;
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        var host = checked(path, options);
        return hostProvider(host).readAttributes(host, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        var host = checked(path, options);
        return hostProvider(host).readAttributes(host, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        var host = checked(path, options);
        hostProvider(host).setAttribute(host, attribute, value, options);
    }
}
