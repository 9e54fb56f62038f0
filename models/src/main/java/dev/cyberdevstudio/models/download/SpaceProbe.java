package dev.cyberdevstudio.models.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written into a folder; tests give a fake one to play a nearly full disk. */
@FunctionalInterface
public interface SpaceProbe {

    long usableBytes(Path folder) throws IOException;

    /** The file store's usable space as the operating system reports it. */
    static SpaceProbe fileStore() {
        return folder -> Files.getFileStore(folder).getUsableSpace();
    }
}
