package dev.cyberdevstudio.app.actions;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The command palette (Ctrl+Shift+P, or IntelliJ's Ctrl+Shift+A): every registered action by name, with its
 * category and its current key, filtered as one types; Enter closes the palette and runs the action.
 *
 * <pre>{@code
 * var palette = new CommandPalette(actions);
 * actions.register(new StudioAction(CommandPalette.ACTION_ID, "Show All Commands", "View", "Shortcut+Shift+P",
 *     () -> palette.show(stage)));
 * }</pre>
 */
public final class CommandPalette {

    public static final String ACTION_ID = "workbench.command-palette";
    public static final String FIND_ACTION_ID = "workbench.find-action";

    private final ActionRegistry actions;
    private final QuickPick<StudioAction> pick;

    public CommandPalette(ActionRegistry actions) {
        this.actions = actions;
        var model = new PaletteModel(actions);
        pick = new QuickPick<>("command-palette", "Type the name of a command", model::filter,
                list -> new ActionCell(), this::run);
        pick.setEmptyText("No matching commands");
    }

    public void show(Window owner) {
        pick.show(owner);
    }

    public boolean isShowing() {
        return pick.isShowing();
    }

    QuickPick<StudioAction> pick() {
        return pick;
    }

    private void run(StudioAction action) {
        actions.noteUsed(action.id());
        actions.run(action.id());
    }

    /** Name on the left; category and key, muted, on the right. */
    private final class ActionCell extends ListCell<StudioAction> {

        private final Label name = new Label();
        private final Label category = new Label();
        private final Label key = new Label();
        private final HBox row;

        ActionCell() {
            name.getStyleClass().add("quick-pick-name");
            category.getStyleClass().add("quick-pick-detail");
            key.getStyleClass().add("quick-pick-key");
            var gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, name, gap, category, key);
            row.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("quick-pick-cell");
        }

        @Override
        protected void updateItem(StudioAction action, boolean empty) {
            super.updateItem(action, empty);
            if (empty || action == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(action.name());
            category.setText(action.category());
            var shortcut = actions.keyOf(action.id()).map(Shortcuts::display).orElse("");
            key.setText(shortcut);
            key.setVisible(!shortcut.isEmpty());
            key.setManaged(!shortcut.isEmpty());
            setText(null);
            setGraphic(row);
        }
    }
}
