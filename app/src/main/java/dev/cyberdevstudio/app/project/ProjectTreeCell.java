package dev.cyberdevstudio.app.project;

import javafx.beans.binding.Bindings;
import javafx.scene.control.TreeCell;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** Shows a node's name with a folder or file icon; a double-click on a file opens it. */
final class ProjectTreeCell extends TreeCell<ProjectNode> {

    private static final String FOLDER_CLASS = "project-tree-folder";
    private static final String FILE_CLASS = "project-tree-file";

    private final FontIcon icon = new FontIcon(Material2AL.INSERT_DRIVE_FILE);

    ProjectTreeCell(ProjectTreeViewModel viewModel) {
        icon.getStyleClass().add("project-tree-icon");
        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !isEmpty()
                    && getItem() != null && !getItem().isFolder()) {
                viewModel.activate(getItem());
                event.consume();
            }
        });
    }

    @Override
    protected void updateItem(ProjectNode node, boolean empty) {
        super.updateItem(node, empty);
        icon.iconCodeProperty().unbind();
        getStyleClass().removeAll(FOLDER_CLASS, FILE_CLASS);
        if (empty || node == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(node.name());
        if (node.isFolder()) {
            icon.iconCodeProperty().bind(Bindings.<Ikon>when(node.expandedProperty())
                    .then(Material2AL.FOLDER_OPEN).otherwise(Material2AL.FOLDER));
            getStyleClass().add(FOLDER_CLASS);
        } else {
            icon.setIconCode(Material2AL.INSERT_DRIVE_FILE);
            getStyleClass().add(FILE_CLASS);
        }
        setGraphic(icon);
    }
}
