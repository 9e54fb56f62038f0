package dev.cyberdevstudio.app.actions;

import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;

/**
 * Makes the registry's keys run their actions in a window. The handler listens on the scene as key events bubble
 * back up, which is where JavaFX itself looks up accelerators: a focused control that uses a key (undo in a text
 * field, a terminal's Ctrl+C) keeps it, as it would with a menu accelerator. The handler consumes what it runs, so
 * the menus' own accelerators for the same keys (JavaFX registers them on the scene too, after this handler) never
 * fire a second time.
 *
 * <pre>{@code
 * AutoCloseable keys = KeyBindings.install(stage.getScene(), actions);
 * }</pre>
 */
public final class KeyBindings {

    private KeyBindings() {
    }

    /** Installs the bindings on {@code scene}; closing the handle removes them. */
    public static AutoCloseable install(Scene scene, ActionRegistry actions) {
        EventHandler<KeyEvent> handler = event -> actions.actionFor(event).ifPresent(action -> {
            event.consume();
            action.handler().run();
        });
        scene.addEventHandler(KeyEvent.KEY_PRESSED, handler);
        return () -> scene.removeEventHandler(KeyEvent.KEY_PRESSED, handler);
    }
}
