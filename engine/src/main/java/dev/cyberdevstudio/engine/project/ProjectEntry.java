package dev.cyberdevstudio.engine.project;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * One file or folder of a project as listed by {@link ProjectFiles#list(Path)}.
 *
 * @param path   absolute path of the entry
 * @param folder whether it is a folder (a link to a folder counts as one)
 */
public record ProjectEntry(Path path, boolean folder) {

    /** Folders before files, then names without regard to case; case decides only between otherwise equal names. */
    public static final Comparator<ProjectEntry> TREE_ORDER = Comparator
            .comparing((ProjectEntry entry) -> !entry.folder())
            .thenComparing(ProjectEntry::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(ProjectEntry::name);

    public ProjectEntry {
        Objects.requireNonNull(path, "path");
        if (path.getFileName() == null) {
            throw new IllegalArgumentException("An entry needs a name: " + path);
        }
    }

    /** The last element of the path, as shown in the tree. */
    public String name() {
        return path.getFileName().toString();
    }
}
