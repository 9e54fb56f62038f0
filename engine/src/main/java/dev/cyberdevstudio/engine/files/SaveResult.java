package dev.cyberdevstudio.engine.files;

import java.nio.file.Path;

/** What {@link TextFiles#save} did. */
public sealed interface SaveResult {

    /** The file now holds the text; {@code stamp} is how it looks on disk after our write. */
    record Saved(FileStamp stamp) implements SaveResult {
    }

    /** Nothing was changed on disk; {@code reason} says why in plain words, e.g. "the disk is full". */
    record Failed(Path path, String reason) implements SaveResult {

        /** A sentence for the user that names the file and the cause. */
        public String message() {
            return "Cannot save " + path + ": " + reason + ".";
        }
    }
}
