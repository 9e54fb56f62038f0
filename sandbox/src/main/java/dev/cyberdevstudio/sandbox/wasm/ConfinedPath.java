package dev.cyberdevstudio.sandbox.wasm;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/**
 * A path of the host file system seen through a {@link ConfinedFileSystem}: every file operation on it goes through
 * {@link ConfinedFileSystemProvider}, which checks where the path really leads first. Path arithmetic (resolve,
 * parent, normalize) is plain lexical work on the host path; only touching a file is checked.
 */
final class ConfinedPath implements Path {

    private final ConfinedFileSystem fileSystem;
    private final Path host;

    ConfinedPath(ConfinedFileSystem fileSystem, Path host) {
        this.fileSystem = Objects.requireNonNull(fileSystem, "fileSystem");
        this.host = Objects.requireNonNull(host, "host");
    }

    Path host() {
        return host;
    }

    private ConfinedPath wrap(Path path) {
        return path == null ? null : new ConfinedPath(fileSystem, path);
    }

    private Path unwrap(Path other) {
        return other instanceof ConfinedPath confined ? confined.host : host.getFileSystem().getPath(other.toString());
    }

    @Override
    public ConfinedFileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
        return host.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(host.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(host.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(host.getParent());
    }

    @Override
    public int getNameCount() {
        return host.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(host.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(host.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return other instanceof ConfinedPath confined && host.startsWith(confined.host);
    }

    @Override
    public boolean endsWith(Path other) {
        return other instanceof ConfinedPath confined && host.endsWith(confined.host);
    }

    @Override
    public Path normalize() {
        return wrap(host.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(host.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(host.relativize(unwrap(other)));
    }

    /** Refused: a URI names the host path directly, and opening it would step around the checks. */
    @Override
    public URI toUri() {
        throw new UnsupportedOperationException("a confined path has no URI");
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(host.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        var host = fileSystem.provider().checked(this, !ConfinedFileSystemProvider.noFollow(options));
        return wrap(host.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("a guest cannot watch host folders");
    }

    @Override
    public int compareTo(Path other) {
        return host.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfinedPath confined && confined.fileSystem == fileSystem
            && confined.host.equals(host);
    }

    @Override
    public int hashCode() {
        return host.hashCode();
    }

    @Override
    public String toString() {
        return host.toString();
    }
}
