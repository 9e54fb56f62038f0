package dev.cyberdevstudio.engine.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;

/**
 * Makes a folder unchangeable for the duration of a test: read-only permissions for an ordinary user, the immutable
 * attribute for root (who ignores permissions). Aborts the test where neither is possible.
 */
final class FileLock implements AutoCloseable {

    private final Path folder;
    private final boolean immutable;

    private FileLock(Path folder, boolean immutable) {
        this.folder = folder;
        this.immutable = immutable;
    }

    static FileLock lock(Path folder) throws IOException, InterruptedException {
        var probe = Files.createTempFile(folder.getParent(), "uid", ".probe");
        var root = ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        Files.delete(probe);
        if (!root) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            return new FileLock(folder, false);
        }
        Assumptions.assumeTrue(chattr("+i", folder), "chattr +i is not available here");
        return new FileLock(folder, true);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable) {
            chattr("-i", folder);
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean chattr(String change, Path folder) throws InterruptedException {
        try {
            var process = new ProcessBuilder("chattr", change, folder.toString()).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor() == 0;
        } catch (IOException error) {
            return false;
        }
    }
}
