package dev.cyberdevstudio.app.project;

import java.nio.file.Path;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The project tree: a {@link TreeView} bound to a {@link ProjectTreeViewModel}, with a context menu for new file,
 * new folder, rename and delete. Enter or a double-click on a file opens it; F2 renames; Delete deletes.
 */
public final class ProjectTreePane extends BorderPane {

    private final ProjectTreeViewModel viewModel;
    private final TreeView<ProjectNode> tree = new TreeView<>();
    private final Label placeholder = new Label("No folder open");
    private boolean selectingFromModel;

    public ProjectTreePane(ProjectTreeViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("project-tree");
        tree.setId("project-tree");
        tree.setShowRoot(true);
        tree.setCellFactory(view -> new ProjectTreeCell(viewModel));
        tree.setContextMenu(contextMenu());
        tree.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        placeholder.getStyleClass().add("project-tree-placeholder");

        tree.getSelectionModel().selectedItemProperty().addListener((property, old, item) -> {
            if (!selectingFromModel) {
                viewModel.selectedProperty().set(item == null ? null : item.getValue());
            }
        });
        viewModel.selectedProperty().addListener((property, old, node) -> reveal(node));
        viewModel.rootProperty().addListener((property, old, root) -> show(root));
        show(viewModel.rootProperty().get());
    }

    private void show(ProjectNode root) {
        if (root == null) {
            tree.setRoot(null);
            setCenter(placeholder);
        } else {
            tree.setRoot(new ProjectTreeItem(root));
            setCenter(tree);
        }
    }

    /** Selects the model's node in the tree, expanding its folders and scrolling to it. */
    private void reveal(ProjectNode node) {
        var current = tree.getSelectionModel().getSelectedItem();
        if (current != null && current.getValue() == node) {
            return;
        }
        selectingFromModel = true;
        try {
            var item = node == null ? null : itemOf(node);
            if (item == null) {
                tree.getSelectionModel().clearSelection();
            } else {
                tree.getSelectionModel().select(item);
                var row = tree.getRow(item);
                if (row >= 0) {
                    tree.scrollTo(row);
                }
            }
        } finally {
            selectingFromModel = false;
        }
    }

    private TreeItem<ProjectNode> itemOf(ProjectNode node) {
        var item = tree.getRoot();
        if (item == null || !node.path().startsWith(item.getValue().path())) {
            return null;
        }
        var path = item.getValue().path();
        for (var element : item.getValue().path().relativize(node.path())) {
            path = path.resolve(element);
            item = child(item, path);
            if (item == null) {
                return null;
            }
        }
        return item.getValue() == node ? item : null;
    }

    private static TreeItem<ProjectNode> child(TreeItem<ProjectNode> parent, Path path) {
        for (var child : parent.getChildren()) {
            if (child.getValue().path().equals(path)) {
                return child;
            }
        }
        return null;
    }

    private void keyPressed(KeyEvent event) {
        var node = viewModel.selectedProperty().get();
        if (node == null) {
            return;
        }
        if (event.getCode() == KeyCode.ENTER && !node.isFolder()) {
            viewModel.activate(node);
        } else if (event.getCode() == KeyCode.F2) {
            viewModel.rename(node);
        } else if (event.getCode() == KeyCode.DELETE) {
            viewModel.delete(node);
        } else {
            return;
        }
        event.consume();
    }

    private ContextMenu contextMenu() {
        var newFile = item("project-new-file", "New File...", new FontIcon(Material2MZ.NOTE_ADD));
        var newFolder = item("project-new-folder", "New Folder...", new FontIcon(Material2AL.CREATE_NEW_FOLDER));
        var rename = item("project-rename", "Rename...", new FontIcon(Material2AL.EDIT));
        var delete = item("project-delete", "Delete", new FontIcon(Material2AL.DELETE));
        newFile.setOnAction(event -> viewModel.newFile(target()));
        newFolder.setOnAction(event -> viewModel.newFolder(target()));
        rename.setOnAction(event -> viewModel.rename(target()));
        delete.setOnAction(event -> viewModel.delete(target()));
        var menu = new ContextMenu(newFile, newFolder, new SeparatorMenuItem(), rename, delete);
        menu.setOnShowing(event -> {
            var target = target();
            newFile.setDisable(target == null);
            newFolder.setDisable(target == null);
            rename.setDisable(!viewModel.canChange(target));
            delete.setDisable(!viewModel.canChange(target));
        });
        return menu;
    }

    /** The node a context-menu command applies to: the selection, else the project folder. */
    private ProjectNode target() {
        var node = viewModel.selectedProperty().get();
        return node != null ? node : viewModel.rootProperty().get();
    }

    private static MenuItem item(String id, String text, FontIcon icon) {
        var item = new MenuItem(text, icon);
        item.setId(id);
        return item;
    }
}
