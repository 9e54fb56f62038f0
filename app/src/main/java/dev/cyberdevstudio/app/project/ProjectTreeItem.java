package dev.cyberdevstudio.app.project;

import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.control.TreeItem;

/**
 * A {@link TreeItem} that mirrors one {@link ProjectNode}: its expanded state both ways, and its children as the
 * view model adds and removes them, item by item, so that the TreeView keeps its selection and scroll position.
 */
final class ProjectTreeItem extends TreeItem<ProjectNode> {

    private final ListChangeListener<ProjectNode> mirror = this::mirror;

    ProjectTreeItem(ProjectNode node) {
        super(node);
        node.children().forEach(child -> getChildren().add(new ProjectTreeItem(child)));
        expandedProperty().bindBidirectional(node.expandedProperty());
        node.children().addListener(new WeakListChangeListener<>(mirror));
    }

    @Override
    public boolean isLeaf() {
        return !getValue().isFolder();
    }

    private void mirror(ListChangeListener.Change<? extends ProjectNode> change) {
        while (change.next()) {
            if (change.wasPermutated()) {
                getChildren().setAll(getValue().children().stream().map(ProjectTreeItem::new).toList());
                return;
            }
            if (change.wasRemoved()) {
                getChildren().remove(change.getFrom(), change.getFrom() + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                getChildren().addAll(change.getFrom(),
                        change.getAddedSubList().stream().map(ProjectTreeItem::new).toList());
            }
        }
    }
}
