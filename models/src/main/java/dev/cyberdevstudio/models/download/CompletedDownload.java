package dev.cyberdevstudio.models.download;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file that arrived under its final name.
 *
 * @param catalogId the catalog entry it was downloaded for, if any
 * @param sha256    the SHA-256 of the bytes on disk (lower-case hex)
 * @param verified  whether that hash was compared with a published one and matched; false when none was published
 */
public record CompletedDownload(Path file, Optional<String> catalogId, String sha256, boolean verified) {

    public CompletedDownload {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(catalogId, "catalogId");
        Objects.requireNonNull(sha256, "sha256");
    }
}
