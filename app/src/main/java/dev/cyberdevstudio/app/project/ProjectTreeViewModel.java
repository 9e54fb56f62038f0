package dev.cyberdevstudio.app.project;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.project.FileChange;
import dev.cyberdevstudio.engine.project.FileOperationResult;
import dev.cyberdevstudio.engine.project.FileProblem;
import dev.cyberdevstudio.engine.project.FolderListing;
import dev.cyberdevstudio.engine.project.ProjectEntry;
import dev.cyberdevstudio.engine.project.ProjectFiles;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The project tree's state and commands: one folder shown as a tree of {@link ProjectNode}s, listed lazily as
 * folders are expanded, kept current from a {@link FolderWatching} watch, and changed through {@link ProjectFiles}.
 *
 * <pre>{@code
 * var tree = new ProjectTreeViewModel(executor, new FxProjectDialogs(stage));
 * tree.setOnOpenFile(editors::open);
 * tree.setOnFilesChanged(editors::filesChanged);
 * tree.open(folder);
 * }</pre>
 *
 * All methods are called on the UI thread; listing and file operations run through the {@link TaskExecutor}.
 */
public final class ProjectTreeViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectTreeViewModel.class);

    private final TaskExecutor executor;
    private final ProjectDialogs dialogs;
    private final FolderWatching watching;
    private final ReadOnlyObjectWrapper<ProjectNode> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ObjectProperty<ProjectNode> selected = new SimpleObjectProperty<>(this, "selected");
    private final Map<Path, ProjectNode> nodes = new HashMap<>();
    private Consumer<Path> onOpenFile = path -> { };
    private Consumer<List<Path>> onFilesChanged = paths -> { };
    private FolderWatching.Watch watch;
    // Bumped whenever the project changes, so that late answers meant for the previous one are dropped.
    private long generation;

    /** A tree that watches the real file system. */
    public ProjectTreeViewModel(TaskExecutor executor, ProjectDialogs dialogs) {
        this(executor, dialogs, FolderWatching.onDisk());
    }

    public ProjectTreeViewModel(TaskExecutor executor, ProjectDialogs dialogs, FolderWatching watching) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.watching = Objects.requireNonNull(watching, "watching");
    }

    /** The project folder's node, or null while no folder is open. */
    public ReadOnlyObjectProperty<ProjectNode> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** The open project folder. */
    public Optional<Path> projectFolder() {
        return Optional.ofNullable(root.get()).map(ProjectNode::path);
    }

    /** The node the user selected, or null; set by the pane and by commands that create or rename a node. */
    public ObjectProperty<ProjectNode> selectedProperty() {
        return selected;
    }

    /** The node shown for {@code path}, if its folder has been listed. */
    public Optional<ProjectNode> find(Path path) {
        return Optional.ofNullable(nodes.get(path.toAbsolutePath().normalize()));
    }

    /** Called with a file the user opened (double-click, Enter, or a file just created). */
    public void setOnOpenFile(Consumer<Path> onOpenFile) {
        this.onOpenFile = Objects.requireNonNull(onOpenFile, "onOpenFile");
    }

    /**
     * Called on the UI thread with every path that changed on disk. After lost events the list holds the project
     * folder itself: anything under it may have changed.
     */
    public void setOnFilesChanged(Consumer<List<Path>> onFilesChanged) {
        this.onFilesChanged = Objects.requireNonNull(onFilesChanged, "onFilesChanged");
    }

    /** Shows {@code folder} as the project, closing the one shown before. */
    public void open(Path folder) {
        close();
        var projectFolder = folder.toAbsolutePath().normalize();
        var opening = generation;
        var rootNode = newNode(projectFolder, true, null);
        root.set(rootNode);
        rootNode.setExpanded(true);
        Consumer<List<FileChange>> listener = changes -> executor.runOnUi(() -> changed(opening, changes));
        executor.submit(() -> watching.watch(projectFolder, listener), started -> watchStarted(opening, started),
                error -> LOG.warn("Changes on disk under {} will not show: {}", projectFolder, error.getMessage()));
    }

    /** Stops showing and watching the project. */
    public void close() {
        generation++;
        var running = watch;
        watch = null;
        if (running != null) {
            executor.submit(() -> {
                running.close();
                return null;
            });
        }
        nodes.clear();
        selected.set(null);
        root.set(null);
    }

    /** Opens a file through the callback; expands or collapses a folder. */
    public void activate(ProjectNode node) {
        if (node.isFolder()) {
            node.setExpanded(!node.isExpanded());
        } else {
            onOpenFile.accept(node.path());
        }
    }

    /** Asks for a name and creates an empty file in {@code where} (or beside it, for a file), then opens it. */
    public void newFile(ProjectNode where) {
        create(where, false);
    }

    /** Asks for a name and creates a folder in {@code where} (or beside it, for a file). */
    public void newFolder(ProjectNode where) {
        create(where, true);
    }

    /** Whether {@code node} may be renamed or deleted: anything but the project folder itself. */
    public boolean canChange(ProjectNode node) {
        return node != null && !node.isRoot();
    }

    /** Asks for a new name and renames {@code node}. */
    public void rename(ProjectNode node) {
        if (!canChange(node)) {
            return;
        }
        var parent = node.parent().orElseThrow();
        dialogs.askName("Rename", "New name for " + node.path(), node.name())
                .filter(name -> !name.equals(node.name()))
                .ifPresent(name -> perform("Rename", node.path(), () -> ProjectFiles.rename(node.path(), name),
                        renamed -> reload(parent, Optional.of(renamed))));
    }

    /** Asks for confirmation and deletes {@code node}, with everything in it for a folder. */
    public void delete(ProjectNode node) {
        if (!canChange(node) || !dialogs.confirmDelete(node.path(), node.isFolder())) {
            return;
        }
        var parent = node.parent().orElseThrow();
        perform("Delete", node.path(), () -> ProjectFiles.delete(node.path()),
                deleted -> reload(parent, Optional.empty()));
    }

    /** Lists {@code folder} again, e.g. when the user asks for a refresh. */
    public void refresh(ProjectNode folder) {
        if (folder.isFolder()) {
            load(folder, true, Optional.empty());
        }
    }

    private void create(ProjectNode where, boolean asFolder) {
        var folder = where.isFolder() ? where : where.parent().orElseThrow();
        var kind = asFolder ? "folder" : "file";
        var title = asFolder ? "New Folder" : "New File";
        dialogs.askName(title, "Name of the new " + kind + " in " + folder.path(), "")
                .ifPresent(name -> perform(title, folder.path(), () -> asFolder
                        ? ProjectFiles.createFolder(folder.path(), name)
                        : ProjectFiles.createFile(folder.path(), name), created -> {
                            folder.setExpanded(true);
                            reload(folder, Optional.of(created));
                            if (!asFolder) {
                                onOpenFile.accept(created);
                            }
                        }));
    }

    private void perform(String title, Path subject, Callable<FileOperationResult> operation, Consumer<Path> onDone) {
        var started = generation;
        executor.submit(operation, result -> {
            switch (result) {
                case FileOperationResult.Done done -> {
                    if (started == generation) {
                        onDone.accept(done.path());
                    }
                }
                case FileOperationResult.Failed failed -> dialogs.showError(title + " failed", failed.message());
            }
        }, error -> {
            LOG.error("{} of {} failed", title, subject, error);
            dialogs.showError(title + " failed", "Cannot finish " + title.toLowerCase() + " of " + subject + ": "
                    + error.getMessage());
        });
    }

    private void watchStarted(long opening, FolderWatching.Watch started) {
        if (opening != generation) {
            started.close();
            return;
        }
        watch = started;
        // Changes made between the first listing and the start of the watch would otherwise go unseen.
        loadedFolders().forEach(folder -> load(folder, false, Optional.empty()));
    }

    private void changed(long opening, List<FileChange> changes) {
        if (opening != generation) {
            return;
        }
        var folders = new LinkedHashSet<ProjectNode>();
        for (var change : changes) {
            switch (change.kind()) {
                case RESCAN -> folders.addAll(loadedFolders());
                case CREATED, DELETED -> {
                    var parent = change.path().getParent();
                    var folder = parent == null ? null : nodes.get(parent);
                    if (folder != null && folder.isLoaded()) {
                        folders.add(folder);
                    }
                }
                case MODIFIED -> {
                    // Content changes do not alter the tree; the editor hears of them below.
                }
            }
        }
        folders.forEach(folder -> load(folder, false, Optional.empty()));
        onFilesChanged.accept(changes.stream().map(FileChange::path).toList());
    }

    private void reload(ProjectNode folder, Optional<Path> thenSelect) {
        load(folder, false, thenSelect);
    }

    /** Lists {@code folder} in the background and brings its children in line; only the newest listing applies. */
    private void load(ProjectNode folder, boolean userAsked, Optional<Path> thenSelect) {
        var request = folder.nextListingRequest();
        var opening = generation;
        var currentWatch = watch;
        var path = folder.path();
        executor.submit(() -> {
            if (currentWatch != null) {
                currentWatch.watchFolder(path);
            }
            return ProjectFiles.list(path);
        }, listing -> {
            if (opening != generation || nodes.get(path) != folder || !folder.isLatestListingRequest(request)) {
                return;
            }
            switch (listing) {
                case FolderListing.Listed listed -> {
                    reconcile(folder, listed.entries());
                    thenSelect.map(nodes::get).ifPresent(selected::set);
                }
                case FolderListing.Unreadable unreadable -> unreadable(folder, unreadable, userAsked);
            }
        }, error -> LOG.error("Listing {} failed", path, error));
    }

    private void unreadable(ProjectNode folder, FolderListing.Unreadable unreadable, boolean userAsked) {
        if (folder.isRoot()) {
            close();
            dialogs.showError("Cannot open project", unreadable.message());
        } else if (unreadable.problem() == FileProblem.NOT_FOUND || unreadable.problem() == FileProblem.NOT_A_FOLDER) {
            // Gone or replaced meanwhile: the parent's listing brings the tree in line.
            load(folder.parent().orElseThrow(), false, Optional.empty());
            if (userAsked && unreadable.problem() == FileProblem.NOT_A_FOLDER) {
                dialogs.showError("Cannot open folder", unreadable.message());
            }
        } else if (userAsked) {
            dialogs.showError("Cannot open folder", unreadable.message());
        } else {
            LOG.debug("{}", unreadable.message());
        }
    }

    /**
     * Makes the folder's children match a fresh listing with the fewest changes: nodes that still exist stay (with
     * their expanded subtrees and the selection), gone ones leave, new ones are inserted where they sort.
     */
    private void reconcile(ProjectNode folder, List<ProjectEntry> entries) {
        var children = folder.modifiableChildren();
        folder.markLoaded();
        if (children.isEmpty()) {
            children.setAll(entries.stream().map(entry -> newNode(entry.path(), entry.folder(), folder)).toList());
            return;
        }
        var wanted = new HashSet<EntryKey>();
        entries.forEach(entry -> wanted.add(new EntryKey(entry.path(), entry.folder())));
        for (var i = children.size() - 1; i >= 0; i--) {
            var child = children.get(i);
            if (!wanted.contains(EntryKey.of(child))) {
                children.remove(i);
                forget(child);
            }
        }
        // What is left is in tree order and a subsequence of the entries: insert each entry missing at its place.
        for (var i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            var key = new EntryKey(entry.path(), entry.folder());
            if (i >= children.size() || !EntryKey.of(children.get(i)).equals(key)) {
                children.add(i, newNode(entry.path(), entry.folder(), folder));
            }
        }
    }

    private ProjectNode newNode(Path path, boolean folder, ProjectNode parent) {
        var node = new ProjectNode(path, folder, parent);
        nodes.put(path, node);
        if (folder) {
            node.expandedProperty().addListener((property, was, expanded) -> {
                if (expanded && nodes.get(path) == node) {
                    load(node, true, Optional.empty());
                }
            });
        }
        return node;
    }

    private void forget(ProjectNode node) {
        node.children().forEach(this::forget);
        nodes.remove(node.path(), node);
        if (selected.get() == node) {
            selected.set(node.parent().orElse(null));
        }
    }

    private List<ProjectNode> loadedFolders() {
        return nodes.values().stream().filter(ProjectNode::isLoaded).toList();
    }

    /** A child is kept when an entry with the same path and the same kind is still there. */
    private record EntryKey(Path path, boolean folder) {
        static EntryKey of(ProjectNode node) {
            return new EntryKey(node.path(), node.isFolder());
        }
    }
}
