package dev.cyberdevstudio.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

/**
 * What a file looked like on disk when it was read or written: its size and last-modified time. A different stamp
 * later means someone else changed the file. Two writes of the same size within the file system's time resolution
 * look alike; that is the price of not hashing the content on every check.
 */
public record FileStamp(long size, Instant modified) {

    public FileStamp {
        Objects.requireNonNull(modified, "modified");
    }

    /** The stamp of {@code file} as it is now. */
    public static FileStamp of(Path file) throws IOException {
        return of(Files.readAttributes(file, BasicFileAttributes.class));
    }

    static FileStamp of(BasicFileAttributes attributes) {
        return new FileStamp(attributes.size(), attributes.lastModifiedTime().toInstant());
    }
}
