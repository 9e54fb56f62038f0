package dev.cyberdevstudio.engine.files;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What {@link TextFiles#load} found. */
public sealed interface LoadResult {

    Path path();

    /**
     * A text file. {@code text} uses {@code \n} between lines whatever the file uses; {@code lineSeparator} and
     * {@code encoding} say how to write it back the way it was. {@code invalidBytes} is present for a file read as
     * UTF-8 that is not valid UTF-8: its bad bytes show as U+FFFD, and {@link KeptBytes} writes them back on save.
     */
    record Text(Path path, String text, TextEncoding encoding, LineSeparator lineSeparator, FileStamp stamp,
                Optional<InvalidBytes> invalidBytes) implements LoadResult {

        public Text {
            Objects.requireNonNull(invalidBytes, "invalidBytes");
        }

        /** A valid text file. */
        public Text(Path path, String text, TextEncoding encoding, LineSeparator lineSeparator, FileStamp stamp) {
            this(path, text, encoding, lineSeparator, stamp, Optional.empty());
        }
    }

    /** The file holds bytes that are not text (NUL bytes, or neither UTF-8 nor plain 8-bit text). */
    record Binary(Path path, long size) implements LoadResult {
    }

    /** The file is above {@code limit} bytes and the caller did not pass {@link LoadMode#ALLOW_LARGE}. */
    record TooLarge(Path path, long size, long limit) implements LoadResult {
    }

    /** The file could not be read; {@code reason} says why in plain words, e.g. "permission denied". */
    record Failed(Path path, String reason) implements LoadResult {

        /** A sentence for the user that names the file and the cause. */
        public String message() {
            return "Cannot open " + path + ": " + reason + ".";
        }
    }
}
