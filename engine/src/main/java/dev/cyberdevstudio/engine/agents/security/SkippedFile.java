package dev.cyberdevstudio.engine.agents.security;

import java.util.Objects;

/**
 * A file or folder a scan left out, and why.
 *
 * @param path   relative to the scanned folder, with {@code /} separators (a folder ends with {@code /})
 * @param reason the kind of reason
 * @param detail the reason in words, e.g. "2.4 MB, over the 1.0 MB limit"
 */
public record SkippedFile(String path, Reason reason, String detail) {

    /** Why something was left out. */
    public enum Reason { EXCLUDED_DIRECTORY, TOO_LARGE, BINARY, MINIFIED, LOCK_FILE, LINK, UNREADABLE, FAILED }

    public SkippedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
