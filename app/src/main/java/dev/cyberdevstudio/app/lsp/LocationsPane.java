package dev.cyberdevstudio.app.lsp;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A list of places (the references of a symbol) under a title, each with its file, line and the line's text. Enter
 * or a double click opens the file there.
 *
 * <pre>{@code
 * var referencesTab = new Tab("References", new LocationsPane(languages.references()));
 * }</pre>
 */
public final class LocationsPane extends BorderPane {

    private final LocationsViewModel viewModel;
    private final ListView<LocationRow> list = new ListView<>();

    public LocationsPane(LocationsViewModel viewModel) {
        this.viewModel = viewModel;
        setId("locations-pane");
        getStyleClass().add("lsp-locations");
        getStylesheets().add(LanguageFeatures.STYLESHEET);
        var title = new Label();
        title.getStyleClass().add("lsp-locations-title");
        title.textProperty().bind(viewModel.titleProperty());
        title.setMaxWidth(Double.MAX_VALUE);
        title.visibleProperty().bind(viewModel.titleProperty().isNotEmpty());
        title.managedProperty().bind(title.visibleProperty());
        list.setId("locations-list");
        list.getStyleClass().add(Styles.DENSE);
        list.setItems(viewModel.rows());
        list.setCellFactory(view -> new RowCell());
        var empty = new Label("Find References (Shift+F12) on a name lists its uses here.");
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(empty);
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        setTop(title);
        setCenter(list);
    }

    public ListView<LocationRow> list() {
        return list;
    }

    private void openSelected() {
        var selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.open(selected);
        }
    }

    /** File and line, then the line's text. */
    private static final class RowCell extends ListCell<LocationRow> {

        @Override
        protected void updateItem(LocationRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            var where = new Label(row.where());
            where.getStyleClass().add("lsp-location-where");
            where.setMinWidth(Region.USE_PREF_SIZE);
            var preview = new Label(row.preview());
            preview.getStyleClass().add("lsp-location-preview");
            preview.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(preview, Priority.ALWAYS);
            var line = new HBox(10, where, preview);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setPadding(new Insets(0, 0, 0, 4));
            setGraphic(line);
        }
    }
}
