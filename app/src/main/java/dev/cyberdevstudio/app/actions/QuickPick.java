package dev.cyberdevstudio.app.actions;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import javafx.util.Callback;

/**
 * A popup near the top of a window with a search field over a list that filters as one types, the first match
 * selected: the frame of the command palette and of go to symbol. Up and Down move the selection, Enter or a
 * click closes the popup and then hands the chosen item over, Esc closes it.
 *
 * <pre>{@code
 * var pick = new QuickPick<StudioAction>("palette", "Type the name of a command", query -> model.filter(query),
 *     action -> new ActionCell(), action -> actions.run(action.id()));
 * pick.show(stage);
 * }</pre>
 */
public final class QuickPick<T> {

    static final double WIDTH = 620;
    static final double LIST_HEIGHT = 380;
    private static final double ROW_HEIGHT = 32;
    private static final double TOP_MARGIN = 48;
    private static final String STYLESHEET = Objects.requireNonNull(
            QuickPick.class.getResource("actions.css"), "actions.css").toExternalForm();

    private final Popup popup = new Popup();
    private final TextField field = new TextField();
    private final ListView<T> list = new ListView<>();
    private final Label empty = new Label();
    private final Function<String, List<T>> filter;
    private final Consumer<T> onChosen;

    /**
     * @param id          id of the popup's root ({@code #id}), its field ({@code #id-field}) and list
     *                    ({@code #id-list}), for styles and tests
     * @param prompt      the field's prompt text
     * @param filter      the items that match a query, best first
     * @param cellFactory draws an item
     * @param onChosen    what happens to the chosen item, after the popup has closed
     */
    public QuickPick(String id, String prompt, Function<String, List<T>> filter,
                     Callback<ListView<T>, ListCell<T>> cellFactory, Consumer<T> onChosen) {
        this.filter = filter;
        this.onChosen = onChosen;
        field.setId(id + "-field");
        field.setPromptText(prompt);
        field.getStyleClass().add("quick-pick-field");
        list.setId(id + "-list");
        list.getStyleClass().add("quick-pick-list");
        list.setCellFactory(cellFactory);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefSize(WIDTH, LIST_HEIGHT);
        list.setFocusTraversable(false);
        empty.getStyleClass().add("quick-pick-empty");
        list.setPlaceholder(empty);
        var root = new VBox(field, list);
        root.setId(id);
        root.getStyleClass().add("quick-pick");
        root.getStylesheets().add(STYLESHEET);
        // A key the popup leaves alone would travel on to the window under it, whose key bindings would then run
        // (Ctrl+Shift+O opening a second list, and so on while the key repeats): the popup keeps every key.
        root.addEventHandler(KeyEvent.ANY, KeyEvent::consume);
        popup.getContent().add(root);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        field.textProperty().addListener((observable, before, after) -> refresh());
        field.addEventFilter(KeyEvent.KEY_PRESSED, this::navigate);
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                choose();
            }
        });
    }

    /** Opens the popup over {@code owner}, with an empty query (or {@code initialQuery}) and the focus in it. */
    public void show(Window owner, String initialQuery) {
        popup.getScene().getStylesheets().setAll(owner.getScene() == null ? List.of()
                : owner.getScene().getStylesheets());
        field.setText(initialQuery);
        refresh();
        popup.show(owner, owner.getX() + Math.max(0, (owner.getWidth() - WIDTH) / 2), owner.getY() + TOP_MARGIN);
        field.requestFocus();
        field.end();
    }

    public void show(Window owner) {
        show(owner, "");
    }

    /** Filters again: for items that arrive after the popup opened (symbols still being read). */
    public void refresh() {
        var items = filter.apply(field.getText());
        list.getItems().setAll(items);
        // The list is as tall as its rows, up to a limit: a short list does not leave an empty box behind.
        list.setPrefHeight(Math.min(LIST_HEIGHT, Math.max(2, items.size()) * ROW_HEIGHT + 4));
        if (!items.isEmpty()) {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    /** What the list says when nothing matches ("No matching commands"). */
    public void setEmptyText(String text) {
        empty.setText(text);
    }

    public boolean isShowing() {
        return popup.isShowing();
    }

    public void hide() {
        popup.hide();
    }

    /** The popup's screen bounds, for tests and screenshots. */
    Bounds bounds() {
        return popup.getContent().getFirst().localToScreen(popup.getContent().getFirst().getBoundsInLocal());
    }

    public Popup popup() {
        return popup;
    }

    private void navigate(KeyEvent event) {
        var selection = list.getSelectionModel();
        var code = event.getCode();
        if (code == KeyCode.DOWN || code == KeyCode.UP || code == KeyCode.PAGE_DOWN || code == KeyCode.PAGE_UP) {
            var size = list.getItems().size();
            if (size > 0) {
                var step = switch (code) {
                    case DOWN -> 1;
                    case UP -> -1;
                    case PAGE_DOWN -> 10;
                    default -> -10;
                };
                var next = Math.clamp(selection.getSelectedIndex() + step, 0, size - 1);
                selection.select(next);
                list.scrollTo(Math.max(0, next - 3));
            }
            event.consume();
        } else if (code == KeyCode.ENTER) {
            event.consume();
            choose();
        } else if (code == KeyCode.ESCAPE) {
            event.consume();
            popup.hide();
        }
    }

    private void choose() {
        var chosen = list.getSelectionModel().getSelectedItem();
        popup.hide();
        if (chosen != null) {
            onChosen.accept(chosen);
        }
    }
}
