package dev.cyberdevstudio.models.download;

/**
 * The sidecar beside a partial file ({@code name.gguf.part.json}): what is being downloaded and the validators the
 * server gave, so a restarted studio can ask for the rest with {@code If-Range} and learns when the file changed.
 * Nullable fields mean unknown.
 */
record PartState(int version, String url, String fileName, String sha256, Long sizeBytes, String catalogId,
                 String etag, String lastModified) {

    static final int VERSION = 1;

    PartState withValidators(String newEtag, String newLastModified) {
        return new PartState(version, url, fileName, sha256, sizeBytes, catalogId, newEtag, newLastModified);
    }
}
