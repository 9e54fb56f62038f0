package dev.cyberdevstudio.app.actions;

import java.util.Objects;
import java.util.Optional;

/**
 * A command of the studio that the menus, the command palette and the keymap all know by its id.
 *
 * @param id              stable name, kept in the saved keymap ({@code editor.toggle-comment})
 * @param name            what people read in the palette and the menus ({@code Toggle Line Comment})
 * @param category        the group it belongs to in the palette ({@code Edit}, {@code Navigate} …)
 * @param defaultShortcut the default key, in {@link javafx.scene.input.KeyCombination} syntax
 *                        ({@code Shortcut+Slash}), or null for none
 * @param handler         what it does; runs on the FX thread
 */
public record StudioAction(String id, String name, String category, String defaultShortcut, Runnable handler) {

    public StudioAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(handler, "handler");
        if (id.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("An action needs an id and a name");
        }
    }

    public Optional<String> defaultShortcutText() {
        return Optional.ofNullable(defaultShortcut).filter(text -> !text.isBlank());
    }
}
