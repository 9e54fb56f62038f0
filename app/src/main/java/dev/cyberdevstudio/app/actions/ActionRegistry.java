package dev.cyberdevstudio.app.actions;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.KeyCombination;

/**
 * Every action of the window by id, with the key each one is bound to now. Menus and the palette read the bindings
 * from here, so that a rebinding shows everywhere at once.
 *
 * <pre>{@code
 * actions.register(new StudioAction("editor.toggle-comment", "Toggle Line Comment", "Edit", "Shortcut+Slash",
 *     () -> activeEditor().ifPresent(EditingCommands::toggleComment)));
 * actions.shortcut("editor.toggle-comment").set(KeyCombination.keyCombination("Shortcut+Alt+C"));
 * }</pre>
 */
public final class ActionRegistry {

    private final Map<String, StudioAction> actions = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<KeyCombination>> shortcuts = new LinkedHashMap<>();

    /** Adds {@code action}, bound to its default key. */
    public StudioAction register(StudioAction action) {
        if (actions.putIfAbsent(action.id(), action) != null) {
            throw new IllegalArgumentException("An action with the id " + action.id() + " is already registered");
        }
        shortcuts.put(action.id(), new SimpleObjectProperty<>(this, action.id(),
            action.defaultShortcutText().map(KeyCombination::keyCombination).orElse(null)));
        return action;
    }

    public Optional<StudioAction> find(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** All actions, by category and then name. */
    public List<StudioAction> all() {
        return actions.values().stream()
            .sorted(Comparator.comparing(StudioAction::category).thenComparing(StudioAction::name))
            .toList();
    }

    /** The key {@code id} is bound to now (null for none); set it to rebind. */
    public ObjectProperty<KeyCombination> shortcut(String id) {
        var shortcut = shortcuts.get(id);
        if (shortcut == null) {
            throw new IllegalArgumentException("No action with the id " + id);
        }
        return shortcut;
    }

    /** Runs the action {@code id}; false when there is none. */
    public boolean run(String id) {
        var action = actions.get(id);
        if (action == null) {
            return false;
        }
        action.handler().run();
        return true;
    }
}
