package dev.cyberdevstudio.models.library;

import dev.cyberdevstudio.models.gguf.GgufInfo;
import java.nio.file.Path;

/**
 * Reads a model file's GGUF header. The studio passes {@code GgufReader::read}; tests of the library's bookkeeping
 * pass a small fake so they do not depend on real parsing.
 */
@FunctionalInterface
public interface HeaderReader {

    /** @throws dev.cyberdevstudio.models.ModelsException when the file is not a readable GGUF, naming it and why */
    GgufInfo read(Path file);
}
