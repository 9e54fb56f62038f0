package dev.cyberdevstudio.sandbox.fs;

import dev.cyberdevstudio.sandbox.SandboxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files of one project, reachable only through project-relative paths that stay inside its root.
 *
 * <pre>{@code
 * var files = ProjectFileSystem.open(projectFolder, FsLimits.defaults());
 * files.write("src/Main.java", source.getBytes(StandardCharsets.UTF_8));
 * byte[] back = files.read("src/Main.java");
 * }</pre>
 *
 * Every path is checked before use and refused with a {@link SandboxException} naming it: absolute paths, any
 * {@code ..}, symbolic links whose target lies outside the root, device files, FIFOs and sockets, and regular files
 * with more than one hard link (their other names may lie outside the root, so neither reading nor writing through
 * them is safe). Writes are atomic ({@link AtomicFiles}); a write that breaks the file size limit or the project
 * quota is refused before anything changes.
 *
 * <p>The checks resolve links when an operation starts. A program running at the same time in the project (a
 * sandboxed process) could swap a checked folder for a link between the check and the use; the process sandbox
 * cannot reach outside the project itself, but callers that let untrusted programs run beside file operations
 * should treat that window as a known limit of the JDK's file API, which has no {@code openat}.
 */
public final class ProjectFileSystem {

    private final Path root;
    private final FsLimits limits;

    private ProjectFileSystem(Path root, FsLimits limits) {
        this.root = root;
        this.limits = limits;
    }

    /** Opens the project rooted at an existing folder; the root's own symbolic links are resolved once here. */
    public static ProjectFileSystem open(Path root, FsLimits limits) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(limits, "limits");
        if (!Files.isDirectory(root)) {
            throw new SandboxException("The project folder " + root + " does not exist or is not a folder");
        }
        try {
            return new ProjectFileSystem(root.toRealPath(), limits);
        } catch (IOException e) {
            throw new SandboxException("Cannot open the project folder " + root + ": " + e.getMessage(), e);
        }
    }

    /** The real path of the root folder. */
    public Path root() {
        return root;
    }

    public FsLimits limits() {
        return limits;
    }

    /** The real path a project-relative path stands for, after every check; "" is the root. */
    public Path resolve(String path) {
        return resolve(path, true);
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path, false), LinkOption.NOFOLLOW_LINKS);
    }

    public byte[] read(String path) {
        var file = resolve(path, true);
        requireRegularFile(path, file);
        var size = sizeOf(path, file);
        if (size > limits.maxFileBytes()) {
            throw refused(path, "it is " + size + " bytes, over the file size limit of " + limits.maxFileBytes());
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw failed(path, "read", e);
        }
    }

    public String readString(String path) {
        return new String(read(path), StandardCharsets.UTF_8);
    }

    /** Replaces or creates a file, creating missing parent folders inside the project. */
    public void write(String path, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        var file = resolve(path, true);
        if (file.equals(root)) {
            throw refused(path, "it is the project folder itself");
        }
        if (bytes.length > limits.maxFileBytes()) {
            throw refused(path, bytes.length + " bytes is over the file size limit of " + limits.maxFileBytes());
        }
        long replaced = 0;
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            requireRegularFile(path, file);
            replaced = sizeOf(path, file);
        }
        requireQuota(path, bytes.length - replaced);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, bytes);
        } catch (IOException e) {
            throw failed(path, "write", e);
        }
    }

    public void writeString(String path, String text) {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The entries of a folder, sorted by name; links are listed as links, not followed. */
    public List<FsEntry> list(String path) {
        var folder = resolve(path, true);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(path, "it is not a folder");
        }
        try (Stream<Path> children = Files.list(folder)) {
            var entries = new ArrayList<FsEntry>();
            for (var child : children.sorted().toList()) {
                var attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                entries.add(new FsEntry(relative(child), kindOf(attributes), attributes.size(),
                        attributes.lastModifiedTime().toInstant()));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw failed(path, "list", e);
        }
    }

    /** Creates a folder and any missing parents; an existing folder is fine. */
    public void mkdir(String path) {
        var folder = resolve(path, true);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(path, "a file of that name exists");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw failed(path, "create the folder", e);
        }
    }

    /**
     * Deletes a file, a link (not what it points to) or a folder with everything in it. Links inside a deleted folder
     * are removed as links; their targets are never touched.
     */
    public void delete(String path) {
        var target = resolve(path, false);
        if (target.equals(root)) {
            throw refused(path, "it is the project folder itself");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(path, "it does not exist");
        }
        try {
            Files.walkFileTree(target, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    if (failure != null) {
                        throw failure;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw failed(path, "delete", e);
        }
    }

    /** Renames a file, link or folder inside the project; the destination must not exist. */
    public void move(String from, String to) {
        var source = resolve(from, false);
        var destination = resolve(to, false);
        if (source.equals(root)) {
            throw refused(from, "it is the project folder itself");
        }
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(from, "it does not exist");
        }
        requireNotSpecial(from, source);
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(to, "it already exists");
        }
        if (destination.startsWith(source)) {
            throw refused(to, "it lies inside " + from);
        }
        try {
            Files.createDirectories(destination.getParent());
            Files.move(source, destination, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failed(from, "move to " + to, e);
        }
    }

    /**
     * Copies a file or a folder tree; links inside the copied tree are followed only where they stay inside the
     * project, and the whole copy is checked against the size limit and quota before the first byte is written.
     */
    public void copy(String from, String to) {
        var source = resolve(from, true);
        var destination = resolve(to, false);
        if (!Files.exists(source)) {
            throw refused(from, "it does not exist");
        }
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(to, "it already exists");
        }
        if (destination.startsWith(source)) {
            throw refused(to, "it lies inside " + from);
        }
        var files = new ArrayList<Path>();
        collectForCopy(from, source, files);
        long total = 0;
        for (var file : files) {
            if (Files.isRegularFile(file)) {
                var size = sizeOf(from, file);
                if (size > limits.maxFileBytes()) {
                    throw refused(relative(file), "it is " + size + " bytes, over the file size limit of "
                            + limits.maxFileBytes());
                }
                total += size;
            }
        }
        requireQuota(to, total);
        try {
            for (var file : files) {
                var target = destination.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    AtomicFiles.write(target, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw failed(from, "copy to " + to, e);
        }
    }

    /** Bytes taken by the project's regular files (links and special files count nothing). */
    public long usedBytes() {
        var total = new long[1];
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    // A file deleted while we walk takes no space; anything else unreadable counts nothing too.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total[0];
    }

    private void collectForCopy(String from, Path source, List<Path> into) {
        requireNotSpecial(from, source);
        if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            requireSingleLink(relative(source), source);
            into.add(source);
            return;
        }
        into.add(source);
        try (Stream<Path> children = Files.list(source)) {
            for (var child : children.sorted(Comparator.naturalOrder()).toList()) {
                var name = relative(child);
                collectForCopy(name, resolve(name, true), into);
            }
        } catch (IOException e) {
            throw failed(from, "read", e);
        }
    }

    private Path resolve(String path, boolean followFinalLink) {
        Objects.requireNonNull(path, "path");
        if (path.indexOf('\0') >= 0) {
            throw refused(path, "it contains a NUL character");
        }
        Path given;
        try {
            given = Path.of(path);
        } catch (RuntimeException invalid) {
            throw refused(path, "it is not a valid path: " + invalid.getMessage());
        }
        if (given.isAbsolute() || given.getRoot() != null || path.startsWith("/") || path.startsWith("\\")) {
            throw refused(path, "absolute paths are not allowed; give a path relative to the project");
        }
        var names = new ArrayList<String>();
        for (var name : given) {
            var text = name.toString();
            if (text.equals("..")) {
                throw refused(path, "'..' is not allowed in project paths");
            }
            if (!text.isEmpty() && !text.equals(".")) {
                names.add(text);
            }
        }
        var current = root;
        for (int i = 0; i < names.size(); i++) {
            var next = current.resolve(names.get(i));
            boolean last = i == names.size() - 1;
            if (Files.isSymbolicLink(next) && (!last || followFinalLink)) {
                next = linkTarget(path, next);
            }
            current = next;
        }
        if (!current.startsWith(root)) {
            throw refused(path, "it leads outside the project");
        }
        if (Files.exists(current, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(current)) {
            requireNotSpecial(path, current);
        }
        return current;
    }

    private Path linkTarget(String path, Path link) {
        Path target;
        try {
            target = Files.exists(link) ? link.toRealPath()
                    : link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
        } catch (IOException e) {
            throw failed(path, "resolve the link " + link.getFileName() + " in", e);
        }
        if (!target.startsWith(root)) {
            throw refused(path, "the symbolic link " + relative(link) + " leads outside the project");
        }
        return target;
    }

    private void requireRegularFile(String path, Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(path, "it does not exist");
        }
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(path, "it is a folder");
        }
        requireNotSpecial(path, file);
        requireSingleLink(path, file);
    }

    private void requireNotSpecial(String path, Path file) {
        try {
            var attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isOther()) {
                throw refused(path, "it is a device file, FIFO or socket");
            }
        } catch (NoSuchFileException gone) {
            // Nothing there: the operation itself reports a missing file where that matters.
        } catch (IOException e) {
            throw failed(path, "inspect", e);
        }
    }

    // A hard link is the same file under another name; that name may be outside the project (a link to ~/.ssh/id_rsa
    // made by a program that could see both). The JDK cannot list the other names, so any second name is refused.
    private void requireSingleLink(String path, Path file) {
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("unix")
                    && ((Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS)) > 1) {
                throw refused(path, "it is a hard link with other names that may lie outside the project");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw refused(path, "cannot check its hard links: " + e.getMessage());
        }
    }

    private void requireQuota(String path, long growth) {
        if (growth <= 0) {
            return;
        }
        var used = usedBytes();
        if (used + growth > limits.quotaBytes()) {
            throw refused(path, "the project would use " + (used + growth) + " bytes, over its quota of "
                    + limits.quotaBytes() + " (" + used + " in use)");
        }
    }

    private long sizeOf(String path, Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw failed(path, "read the size of", e);
        }
    }

    private static FsEntry.Kind kindOf(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return FsEntry.Kind.SYMLINK;
        }
        if (attributes.isDirectory()) {
            return FsEntry.Kind.FOLDER;
        }
        return attributes.isRegularFile() ? FsEntry.Kind.FILE : FsEntry.Kind.SPECIAL;
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static SandboxException refused(String path, String why) {
        return new SandboxException("Refused '" + path + "': " + why);
    }

    private static SandboxException failed(String path, String action, IOException cause) {
        return new SandboxException("Could not " + action + " '" + path + "': " + describe(cause), cause);
    }

    private static String describe(IOException cause) {
        var reason = cause.getMessage();
        return reason == null ? cause.getClass().getSimpleName() : reason;
    }
}
