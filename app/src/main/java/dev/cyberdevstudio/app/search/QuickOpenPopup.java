package dev.cyberdevstudio.app.search;

import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

/**
 * The "Go to File…" popup: a field and the best matching files, over the top of the window. Typing updates the
 * list, Up and Down move through it, Enter opens the selected file (at the line of a {@code :42} suffix), Esc or a
 * click elsewhere closes it. It only binds to its {@link QuickOpenViewModel}.
 *
 * <pre>{@code
 * var popup = new QuickOpenPopup(quickOpen);
 * actions.register(new StudioAction("navigate.go-to-file", "Go to File…", "Navigate", "Shortcut+P",
 *     () -> popup.show(stage)));
 * }</pre>
 */
public final class QuickOpenPopup {

    static final double WIDTH = 640;
    static final double HEIGHT = 420;
    private static final double TOP_OFFSET = 64;
    private static final double ROW_HEIGHT = 28;
    private static final String STYLESHEET = Objects.requireNonNull(
            QuickOpenPopup.class.getResource("search.css"), "search.css").toExternalForm();

    private final QuickOpenViewModel viewModel;
    private final VBox content = new VBox();
    private final TextField field = new TextField();
    private final ListView<QuickOpenItem> list = new ListView<>();
    private Stage stage;
    private boolean syncing;

    public QuickOpenPopup(QuickOpenViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        content.setId("quick-open");
        content.getStyleClass().add("quick-open");
        content.getStylesheets().add(STYLESHEET);
        content.setPrefSize(WIDTH, HEIGHT);

        field.setId("quick-open-field");
        field.setPromptText("Go to file (name, path/parts, :line)");
        field.textProperty().bindBidirectional(viewModel.queryProperty());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        list.setId("quick-open-list");
        list.getStyleClass().add("quick-open-list");
        list.setItems(viewModel.items());
        list.setCellFactory(view -> new ItemCell());
        list.setFocusTraversable(false);
        // One line per row, and a fixed height keeps scrolling through 200 rows cheap.
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPlaceholder(placeholder(viewModel));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedIndexProperty().addListener((property, before, after) -> {
            if (!syncing) {
                viewModel.selectedIndexProperty().set(after.intValue());
            }
        });
        viewModel.selectedIndexProperty().addListener((property, before, after) -> select(after.intValue()));
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                viewModel.openSelected();
            }
        });

        var status = new Label();
        status.setId("quick-open-status");
        status.getStyleClass().add("quick-open-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);

        content.getChildren().addAll(field, list, status);
        content.setSpacing(6);
        content.setPadding(new Insets(8));
        viewModel.setOnClose(this::hide);
    }

    /** The popup's content, for embedding and pictures. */
    public VBox content() {
        return content;
    }

    /** Shows the popup at the top centre of {@code owner}, with an empty field and the recent files listed. */
    public void show(Window owner) {
        if (stage == null || stage.getOwner() != owner) {
            stage = newStage(owner);
        }
        viewModel.reset();
        stage.setX(owner.getX() + Math.max(0, (owner.getWidth() - WIDTH) / 2));
        stage.setY(owner.getY() + TOP_OFFSET);
        stage.show();
        stage.toFront();
        field.requestFocus();
        field.selectAll();
    }

    public void hide() {
        if (stage != null) {
            stage.hide();
        }
    }

    public boolean isShowing() {
        return stage != null && stage.isShowing();
    }

    private Stage newStage(Window owner) {
        if (stage != null) {
            stage.setScene(null);
        }
        var created = new Stage(StageStyle.UNDECORATED);
        created.initOwner(owner);
        created.initModality(Modality.NONE);
        created.setTitle("Go to File");
        var scene = new Scene(content, WIDTH, HEIGHT);
        if (owner.getScene() != null) {
            // The theme's tokens live on the window's scene; the studio's theme manager also styles new windows.
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        created.setScene(scene);
        created.focusedProperty().addListener((property, was, focused) -> {
            if (was && !focused) {
                created.hide();
            }
        });
        return created;
    }

    private void onKey(KeyEvent event) {
        switch (event.getCode()) {
            case UP -> viewModel.moveSelection(-1);
            case DOWN -> viewModel.moveSelection(1);
            case PAGE_UP -> viewModel.moveSelection(-10);
            case PAGE_DOWN -> viewModel.moveSelection(10);
            case ENTER -> viewModel.openSelected();
            case ESCAPE -> viewModel.cancel();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void select(int index) {
        syncing = true;
        try {
            if (index < 0) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(index);
                list.scrollTo(Math.max(0, index - 3));
            }
        } finally {
            syncing = false;
        }
    }

    private static Label placeholder(QuickOpenViewModel viewModel) {
        var label = new Label();
        label.getStyleClass().add("quick-open-status");
        label.textProperty().bind(viewModel.statusProperty());
        return label;
    }

    /** A file name with its matched characters highlighted, then its folder, muted. */
    private static final class ItemCell extends ListCell<QuickOpenItem> {

        ItemCell() {
            getStyleClass().add("quick-open-cell");
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(QuickOpenItem item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            var name = Highlights.flow(item.name(), "quick-open-name", "quick-open-match");
            name.setMinWidth(Region.USE_PREF_SIZE);
            var folder = Highlights.flow(item.folder(), "quick-open-folder", "quick-open-folder-match");
            var row = new HBox(10, name, folder);
            if (item.recent()) {
                var recent = new Label("recent");
                recent.getStyleClass().add("quick-open-recent");
                var spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                row.getChildren().addAll(spacer, recent);
            }
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
