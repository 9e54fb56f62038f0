package dev.cyberdevstudio.sandbox.fs;

import java.time.Instant;
import java.util.Objects;

/**
 * One name in a project folder, as {@link ProjectFileSystem#list(String)} sees it (links are not followed).
 *
 * @param path project-relative path with '/' separators
 */
public record FsEntry(String path, Kind kind, long size, Instant modified) {

    public enum Kind {
        FILE,
        FOLDER,
        SYMLINK,
        /** A device, FIFO or socket: listed so the user sees it, refused by every other operation. */
        SPECIAL
    }

    public FsEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modified, "modified");
    }
}
