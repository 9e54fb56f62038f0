package dev.cyberdevstudio.app.project;

import dev.cyberdevstudio.engine.project.FileChange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A watch driven by the test: it reports exactly the changes the test fires. */
final class FakeFolderWatching implements FolderWatching {

    final List<FakeWatch> watches = new ArrayList<>();
    private IOException failure;

    FakeFolderWatching failWith(IOException error) {
        failure = error;
        return this;
    }

    @Override
    public Watch watch(Path root, Consumer<List<FileChange>> listener) throws IOException {
        if (failure != null) {
            throw failure;
        }
        var watch = new FakeWatch(root, listener);
        watches.add(watch);
        return watch;
    }

    FakeWatch last() {
        return watches.getLast();
    }

    static final class FakeWatch implements Watch {

        final Path root;
        final List<Path> watchedFolders = new ArrayList<>();
        private final Consumer<List<FileChange>> listener;
        boolean closed;

        FakeWatch(Path root, Consumer<List<FileChange>> listener) {
            this.root = root;
            this.listener = listener;
        }

        void fire(FileChange... changes) {
            listener.accept(List.of(changes));
        }

        @Override
        public void watchFolder(Path folder) {
            watchedFolders.add(folder);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
