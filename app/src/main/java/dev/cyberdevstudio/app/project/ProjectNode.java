package dev.cyberdevstudio.app.project;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One file or folder in the project tree, as the view model keeps it. A folder's children are filled when it is
 * first expanded and kept up to date after that; a node keeps its identity (and so its expanded state and the
 * selection) for as long as its path exists with the same kind.
 */
public final class ProjectNode {

    private final Path path;
    private final boolean folder;
    private final ProjectNode parent;
    private final ObservableList<ProjectNode> children = FXCollections.observableArrayList();
    private final ObservableList<ProjectNode> readOnlyChildren = FXCollections.unmodifiableObservableList(children);
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded");
    private boolean loaded;
    private long listingRequest;

    ProjectNode(Path path, boolean folder, ProjectNode parent) {
        this.path = path;
        this.folder = folder;
        this.parent = parent;
    }

    public Path path() {
        return path;
    }

    /** The name shown in the tree: the last path element, or the whole path for a file-system root. */
    public String name() {
        var name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public boolean isFolder() {
        return folder;
    }

    /** Whether this is the project folder itself. */
    public boolean isRoot() {
        return parent == null;
    }

    /** The folder holding this node; empty for the project folder. */
    public Optional<ProjectNode> parent() {
        return Optional.ofNullable(parent);
    }

    /** The children in tree order (folders first, then by name); empty until the folder is first listed. */
    public ObservableList<ProjectNode> children() {
        return readOnlyChildren;
    }

    /** Whether the folder has been listed at least once. */
    public boolean isLoaded() {
        return loaded;
    }

    public BooleanProperty expandedProperty() {
        return expanded;
    }

    public boolean isExpanded() {
        return expanded.get();
    }

    public void setExpanded(boolean value) {
        expanded.set(value);
    }

    @Override
    public String toString() {
        return name();
    }

    ObservableList<ProjectNode> modifiableChildren() {
        return children;
    }

    void markLoaded() {
        loaded = true;
    }

    long nextListingRequest() {
        return ++listingRequest;
    }

    boolean isLatestListingRequest(long request) {
        return request == listingRequest;
    }
}
