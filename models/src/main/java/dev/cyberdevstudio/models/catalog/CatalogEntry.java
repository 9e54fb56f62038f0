package dev.cyberdevstudio.models.catalog;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A model the studio can download: a recommended one from the bundled catalog, or one the user added by URL.
 *
 * @param id            stable key, e.g. "qwen2.5-coder-1.5b-instruct-q8_0"
 * @param sizeBytes     the file's size as published, when known
 * @param sha256        the published SHA-256 (lower-case hex); empty when the source publishes none, and the
 *                      download is then shown as "unverified" instead of pretending
 * @param parameters    a short label such as "1.5B"
 * @param userAdded     whether the user added it (and may remove it) rather than the bundled catalog
 */
public record CatalogEntry(String id, String name, ModelRole role, String parameters, URI source,
                           String fileName, Optional<Long> sizeBytes, Optional<String> sha256, String licence,
                           long contextLength, String quantisation, boolean userAdded) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sizeBytes, "sizeBytes");
        Objects.requireNonNull(sha256, "sha256");
    }
}
