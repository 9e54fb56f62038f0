package dev.cyberdevstudio.engine.agents.changes;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The content of a project's files at one moment, kept in the journal (content-addressed, so an unchanged file
 * costs nothing the second time), for recording what a command changed. Leaves out {@code .git} and files over
 * {@link #MAX_FILE_BYTES}, and stops keeping content after {@link #MAX_TOTAL_BYTES}: a change to such a file is not
 * recorded.
 */
public final class ProjectSnapshot {

    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    private final Map<Path, String> contents;

    private ProjectSnapshot(Map<Path, String> contents) {
        this.contents = contents;
    }

    /** How many files the snapshot keeps. */
    public int size() {
        return contents.size();
    }

    static ProjectSnapshot take(Path root, CheckpointJournal journal) {
        var contents = new HashMap<Path, String>();
        long[] total = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!attributes.isRegularFile() || attributes.size() > MAX_FILE_BYTES
                        || total[0] + attributes.size() > MAX_TOTAL_BYTES) {
                        return FileVisitResult.CONTINUE;
                    }
                    total[0] += attributes.size();
                    var relative = root.relativize(file);
                    contents.put(relative, journal.store(Files.readAllBytes(file)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException failure) {
            throw new dev.cyberdevstudio.engine.EngineException("Cannot read the project " + root
                + " to record what a command changes: " + failure.getMessage(), failure);
        }
        return new ProjectSnapshot(contents);
    }

    /** The files whose content differs in {@code later}, appeared or disappeared, in path order. */
    List<FileVersion> changesTo(ProjectSnapshot later) {
        var paths = new TreeSet<Path>();
        paths.addAll(contents.keySet());
        paths.addAll(later.contents.keySet());
        var changed = new ArrayList<FileVersion>();
        for (var path : paths) {
            var before = Optional.ofNullable(contents.get(path));
            var after = Optional.ofNullable(later.contents.get(path));
            if (!before.equals(after)) {
                changed.add(new FileVersion(path, before, after));
            }
        }
        return changed;
    }
}
