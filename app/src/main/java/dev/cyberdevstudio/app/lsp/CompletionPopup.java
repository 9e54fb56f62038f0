package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.CompletionItem;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;

/** The completion list under the caret: kind, name and a short signature per row, the chosen row's detail below. */
final class CompletionPopup {

    private static final double ROW_HEIGHT = 24;
    private static final int VISIBLE_ROWS = 10;

    private final Popup popup = new Popup();
    private final ListView<CompletionItem> list = new ListView<>();
    private final Label detail = new Label();
    private final VBox box;

    CompletionPopup(Consumer<CompletionItem> onChoose, Consumer<KeyEvent> keys) {
        list.setId("lsp-completion-list");
        list.getStyleClass().add("lsp-completion-list");
        list.setFocusTraversable(false);
        list.setFixedCellSize(ROW_HEIGHT);
        list.setPrefWidth(460);
        list.setCellFactory(view -> new ItemCell());
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                selected().ifPresent(onChoose);
            }
        });
        detail.getStyleClass().add("lsp-completion-detail");
        detail.setMaxWidth(460);
        detail.setWrapText(true);
        list.getSelectionModel().selectedItemProperty().addListener((observable, was, item) -> showDetail(item));
        box = new VBox(list, detail);
        box.getStyleClass().add("lsp-completion");
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setAutoFix(true);
        popup.setHideOnEscape(false);
        popup.addEventFilter(KeyEvent.KEY_PRESSED, keys::accept);
    }

    /** Shows {@code items} under the caret; {@code keepSelection} while the same word is being narrowed. */
    void show(Node owner, List<CompletionItem> items, Bounds caretOnScreen, boolean keepSelection) {
        PopupStyles.follow(box, owner);
        var keep = keepSelection ? selected().filter(items::contains) : Optional.<CompletionItem>empty();
        list.getItems().setAll(items);
        list.getSelectionModel().select(keep.orElse(items.getFirst()));
        list.scrollTo(list.getSelectionModel().getSelectedIndex());
        list.setPrefHeight(Math.min(items.size(), VISIBLE_ROWS) * ROW_HEIGHT + 4);
        showDetail(list.getSelectionModel().getSelectedItem());
        if (popup.isShowing()) {
            popup.setX(caretOnScreen.getMinX());
            popup.setY(caretOnScreen.getMaxY() + 2);
        } else {
            popup.show(owner, caretOnScreen.getMinX(), caretOnScreen.getMaxY() + 2);
        }
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    void hide() {
        popup.hide();
    }

    Optional<CompletionItem> selected() {
        return Optional.ofNullable(list.getSelectionModel().getSelectedItem());
    }

    List<CompletionItem> items() {
        return List.copyOf(list.getItems());
    }

    void move(int rows) {
        int size = list.getItems().size();
        if (size == 0) {
            return;
        }
        int index = list.getSelectionModel().getSelectedIndex();
        int next = Math.floorMod(index + rows, size);
        if (Math.abs(rows) > 1) {
            next = Math.clamp(index + rows, 0, size - 1);
        }
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - VISIBLE_ROWS / 2));
    }

    ListView<CompletionItem> list() {
        return list;
    }

    private void showDetail(CompletionItem item) {
        var text = item == null ? "" : detailOf(item);
        detail.setText(text);
        detail.setVisible(!text.isEmpty());
        detail.setManaged(!text.isEmpty());
    }

    private static String detailOf(CompletionItem item) {
        var documentation = item.documentation().strip();
        int newline = documentation.indexOf('\n');
        var firstLine = newline < 0 ? documentation : documentation.substring(0, newline);
        if (item.detail().isBlank()) {
            return firstLine;
        }
        return firstLine.isEmpty() ? item.detail().strip() : item.detail().strip() + "\n" + firstLine;
    }

    /** A row: a one-letter badge for the kind, the name, and the detail in muted text. */
    private static final class ItemCell extends ListCell<CompletionItem> {

        private final Label kind = new Label();
        private final Label name = new Label();
        private final Label hint = new Label();
        private final HBox row;

        ItemCell() {
            kind.getStyleClass().add("lsp-completion-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            kind.setAlignment(Pos.CENTER);
            name.getStyleClass().add("lsp-completion-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            hint.getStyleClass().add("lsp-completion-hint");
            hint.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(hint, Priority.ALWAYS);
            row = new HBox(6, kind, name, hint);
            row.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("lsp-completion-cell");
        }

        @Override
        protected void updateItem(CompletionItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var kindName = item.kind().isBlank() ? "text" : item.kind().toLowerCase(Locale.ROOT);
            kind.setText(kindName.substring(0, 1).toUpperCase(Locale.ROOT));
            kind.getStyleClass().removeIf(style -> style.startsWith("lsp-kind-"));
            kind.getStyleClass().add("lsp-kind-" + kindName.replaceAll("[^a-z]", ""));
            name.setText(item.label().strip());
            hint.setText(item.detail().strip().replace('\n', ' '));
            setText(null);
            setGraphic(row);
        }
    }
}
