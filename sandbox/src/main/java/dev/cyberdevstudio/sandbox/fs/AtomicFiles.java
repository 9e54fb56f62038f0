package dev.cyberdevstudio.sandbox.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file's content so that a reader, or a crash, sees either the whole old content or the whole new one.
 *
 * <pre>{@code
 * AtomicFiles.write(Path.of("src/Main.java"), text.getBytes(StandardCharsets.UTF_8));
 * }</pre>
 *
 * The bytes go to a hidden temporary file in the target's folder, are forced to the disk, and the temporary file is
 * then renamed over the target in one step. The folder is forced too where the platform allows it, so that the
 * rename itself survives a power cut. When anything fails the temporary file is removed and the old file is left as
 * it was. An existing file keeps its POSIX permissions; a symbolic link keeps pointing where it did and the file it
 * points to is replaced.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    /**
     * Writes {@code bytes} to {@code target} atomically.
     *
     * @throws NoSuchFileException when the target's folder does not exist
     * @throws FileSystemException when the target is a folder, or the folder cannot be written
     * @throws IOException         for any other failure (disk full, I/O error); the old file is intact
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, temporary -> { });
    }

    /** The step between the forced write of the temporary file and the rename; tests use it to fail there. */
    @FunctionalInterface
    interface BeforeRename {
        void run(Path temporary) throws IOException;
    }

    static void write(Path target, byte[] bytes, BeforeRename beforeRename) throws IOException {
        var destination = resolveLinks(target.toAbsolutePath());
        if (Files.isDirectory(destination)) {
            throw new FileSystemException(target.toString(), null, "it is a folder, not a file");
        }
        var folder = destination.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new NoSuchFileException(target.toString(), null, "the folder " + folder + " does not exist");
        }
        if (Files.exists(destination) && !Files.isWritable(destination)) {
            throw new AccessDeniedException(target.toString(), null, "the file is read-only");
        }
        var permissions = permissionsOf(destination);
        var temporary = createTemporary(folder, destination.getFileName().toString());
        try {
            try (var channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                var buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (permissions.isPresent()) {
                Files.getFileAttributeView(temporary, PosixFileAttributeView.class).setPermissions(permissions.get());
            }
            beforeRename.run(temporary);
            Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
        forceFolder(folder);
    }

    private static Path resolveLinks(Path target) throws IOException {
        return Files.isSymbolicLink(target) && Files.exists(target) ? target.toRealPath() : target;
    }

    private static Optional<Set<PosixFilePermission>> permissionsOf(Path file) throws IOException {
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(view.readAttributes().permissions());
    }

    // Created without explicit attributes so that a new file gets the user's usual permissions (umask), not 0600.
    // The name has 64 random bits: a clash would fail this save with FileAlreadyExistsException, not corrupt it.
    private static Path createTemporary(Path folder, String name) throws IOException {
        var temporary = folder.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            Files.newByteChannel(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            return temporary;
        } catch (AccessDeniedException denied) {
            throw new AccessDeniedException(folder.resolve(name).toString(), null,
                    "cannot create files in the folder " + folder);
        }
    }

    // Opening a folder for reading is how POSIX systems sync it; Windows refuses, and NTFS journals the rename.
    private static void forceFolder(Path folder) {
        try (var channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException unsupported) {
            LOG.debug("Could not force folder {} to disk: {}", folder, unsupported.toString());
        }
    }
}
