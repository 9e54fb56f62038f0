package dev.cyberdevstudio.models.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cyberdevstudio.models.ModelsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Reads and writes the models module's small JSON state files (user catalog, library.json, download sidecars).
 * Writes go to a temporary file beside the target, are forced to disk and then renamed over it, so a crash leaves
 * either the old or the new content, never half a file.
 */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
        // Files written by a newer studio may carry fields this one does not know; ignoring them keeps them readable.
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFiles() {
    }

    /** The file's content, or empty when it does not exist; a file that is not valid JSON of that shape throws. */
    public static <T> Optional<T> read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(MAPPER.readValue(in, type));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new ModelsException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static <T> T read(InputStream in, String what, Class<T> type) {
        try (in) {
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new ModelsException(what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Replaces the file with the value as JSON, atomically. */
    public static void write(Path file, Object value) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                MAPPER.writeValue(out, value);
            }
            try (var channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ModelsException(file + " cannot be written: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Best effort: a stray temporary file is harmless and hidden.
                }
            }
        }
    }
}
