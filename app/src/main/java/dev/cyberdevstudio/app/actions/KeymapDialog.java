package dev.cyberdevstudio.app.actions;

import atlantafx.base.theme.Styles;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The keymap (File → Settings → Keymap…, or "Keyboard Shortcuts" in the palette): every action with its category
 * and key, searchable by name, category or key. Select a row and press a combination with Ctrl, Alt or Meta (or a
 * function key) to bind it; a key another action holds is only taken after the user says so, and the other action
 * is named. Remove unbinds, Reset gives the default back, Reset All forgets every change.
 *
 * <pre>{@code
 * new KeymapDialog(actions).show(stage);
 * }</pre>
 */
public final class KeymapDialog {

    public static final String ACTION_ID = "preferences.keymap";
    private static final String STYLESHEET = Objects.requireNonNull(
            KeymapDialog.class.getResource("actions.css"), "actions.css").toExternalForm();

    private final ActionRegistry actions;
    private final TextField search = new TextField();
    private final TableView<StudioAction> table = new TableView<>();
    private final Label recording = new Label();
    private final Label conflictText = new Label();
    private final HBox conflict;
    private Stage stage;
    private StudioAction pendingAction;
    private KeyCombination pendingKey;

    public KeymapDialog(ActionRegistry actions) {
        this.actions = actions;
        var reassign = new Button("Reassign");
        reassign.setId("keymap-reassign");
        reassign.getStyleClass().add(Styles.ACCENT);
        reassign.setOnAction(event -> confirmPending());
        var cancel = new Button("Cancel");
        cancel.setId("keymap-cancel");
        cancel.setOnAction(event -> clearPending("Kept every key as it was."));
        var gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        conflictText.setId("keymap-conflict-text");
        conflictText.setWrapText(true);
        conflict = new HBox(conflictText, gap, reassign, cancel);
        conflict.setId("keymap-conflict");
        conflict.getStyleClass().add("keymap-conflict");
        conflict.setAlignment(Pos.CENTER_LEFT);
        showConflict(false);
    }

    /** Opens the dialog over {@code owner}, or brings it to the front when it is open. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.NONE);
            stage.setTitle("Keymap");
            var scene = new Scene(content(), 760, 560);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
        search.requestFocus();
    }

    public void close() {
        if (stage != null) {
            stage.close();
        }
    }

    Stage stage() {
        return stage;
    }

    private VBox content() {
        search.setId("keymap-search");
        search.setPromptText("Search by name, category or key");

        var category = new TableColumn<StudioAction, String>("Category");
        category.setCellValueFactory(row -> Bindings.createStringBinding(row.getValue()::category));
        category.setPrefWidth(130);
        var name = new TableColumn<StudioAction, String>("Action");
        name.setCellValueFactory(row -> Bindings.createStringBinding(row.getValue()::name));
        name.setPrefWidth(330);
        var key = new TableColumn<StudioAction, String>("Shortcut");
        key.setCellValueFactory(row -> actions.shortcut(row.getValue().id()).map(Shortcuts::display));
        key.setCellFactory(column -> new KeyCell());
        key.setPrefWidth(220);
        table.getColumns().setAll(List.of(category, name, key));
        table.setId("keymap-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        var filtered = new FilteredList<>(actions.registered());
        search.textProperty().addListener((observable, before, after) ->
                filtered.setPredicate(action -> matches(action, after)));
        var sorted = new SortedList<>(filtered,
                Comparator.comparing(StudioAction::category).thenComparing(StudioAction::name));
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::record);
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            clearPending(null);
            recording.setText(after == null ? hint() : "Press the new keys for " + after.name()
                    + " (with Ctrl, Alt or Meta, or a function key).");
        });
        recording.setId("keymap-recording");
        recording.getStyleClass().add("keymap-recording");
        recording.setText(hint());
        recording.setWrapText(true);

        var remove = button("Remove", "keymap-remove", () -> selected().ifPresent(action -> {
            actions.rebind(action.id(), null);
            recording.setText(action.name() + " has no key now.");
        }));
        var reset = button("Reset", "keymap-reset", () -> selected().ifPresent(action -> {
            var displaced = actions.resetToDefault(action.id());
            recording.setText(action.name() + " has its default key again"
                    + displaced.map(other -> "; " + other.name() + " lost it.").orElse("."));
        }));
        var resetAll = button("Reset All", "keymap-reset-all", () -> {
            actions.resetAllToDefaults();
            recording.setText("Every action has its default key again.");
        });
        var close = button("Close", "keymap-close", this::close);
        var gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        var buttons = new HBox(8, remove, reset, resetAll, gap, close);
        buttons.setAlignment(Pos.CENTER_LEFT);

        var root = new VBox(search, table, recording, conflict, buttons);
        root.setId("keymap-dialog");
        root.getStyleClass().add("keymap-dialog");
        root.getStylesheets().add(STYLESHEET);
        return root;
    }

    private static String hint() {
        return "Select an action, then press its new keys.";
    }

    private static Button button(String text, String id, Runnable action) {
        var button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> action.run());
        return button;
    }

    private Optional<StudioAction> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private static boolean matches(StudioAction action, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        var needle = query.strip().toLowerCase(Locale.ROOT);
        return FuzzyMatch.score(query, action.name()) != FuzzyMatch.NO_MATCH
                || action.category().toLowerCase(Locale.ROOT).contains(needle);
    }

    private void record(KeyEvent event) {
        var action = selected();
        var key = Shortcuts.recorded(event);
        if (action.isEmpty() || key.isEmpty()) {
            return;
        }
        event.consume();
        var holder = actions.boundTo(key.get()).filter(other -> !other.id().equals(action.get().id()));
        if (holder.isPresent()) {
            pendingAction = action.get();
            pendingKey = key.get();
            conflictText.setText(Shortcuts.display(pendingKey) + " is already bound to “" + holder.get().category()
                    + " › " + holder.get().name() + "”. Reassign it to “" + pendingAction.name() + "”?");
            recording.setText("");
            showConflict(true);
            return;
        }
        actions.rebind(action.get().id(), key.get());
        recording.setText(action.get().name() + " is now " + Shortcuts.display(key.get()) + ".");
    }

    private void confirmPending() {
        if (pendingAction == null) {
            return;
        }
        var action = pendingAction;
        var key = pendingKey;
        var displaced = actions.rebind(action.id(), key);
        clearPending(action.name() + " is now " + Shortcuts.display(key)
                + displaced.map(other -> "; " + other.name() + " has no key now.").orElse("."));
        table.requestFocus();
    }

    private void clearPending(String message) {
        pendingAction = null;
        pendingKey = null;
        showConflict(false);
        if (message != null) {
            recording.setText(message);
        }
    }

    private void showConflict(boolean shown) {
        conflict.setVisible(shown);
        conflict.setManaged(shown);
    }

    /** The key, marked when the user changed it from the default. */
    private final class KeyCell extends TableCell<StudioAction, String> {

        @Override
        protected void updateItem(String key, boolean empty) {
            super.updateItem(key, empty);
            getStyleClass().remove("customized");
            var action = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || action == null) {
                setText(null);
                return;
            }
            setText(key == null || key.isEmpty() ? "—" : key);
            if (actions.isCustomized(action.id())) {
                getStyleClass().add("customized");
            }
        }
    }
}
