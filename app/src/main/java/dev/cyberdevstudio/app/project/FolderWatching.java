package dev.cyberdevstudio.app.project;

import dev.cyberdevstudio.engine.project.FileChange;
import dev.cyberdevstudio.engine.project.ProjectWatcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** How the tree learns of changes on disk: {@link #onDisk()} in the studio, a hand-driven fake in tests. */
@FunctionalInterface
public interface FolderWatching {

    /** Starts watching {@code root}; the listener is called on a background thread. */
    Watch watch(Path root, Consumer<List<FileChange>> listener) throws IOException;

    /** A running watch. */
    interface Watch extends AutoCloseable {

        /** Makes sure changes directly inside {@code folder} are reported, e.g. once the user shows its content. */
        void watchFolder(Path folder);

        @Override
        void close();
    }

    /** Watches the real file system with {@link ProjectWatcher}. */
    static FolderWatching onDisk() {
        return (root, listener) -> {
            var watcher = ProjectWatcher.start(root, listener);
            return new Watch() {
                @Override
                public void watchFolder(Path folder) {
                    watcher.watchFolder(folder);
                }

                @Override
                public void close() {
                    watcher.close();
                }
            };
        };
    }
}
