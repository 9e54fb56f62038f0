package dev.cyberdevstudio.app.actions;

import java.util.ArrayList;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Key combinations as the keymap stores, compares and records them. Two combinations are the same key when they
 * read the same on this platform ({@code Ctrl+O} and {@code Shortcut+O} on Linux), whichever way they were written.
 */
public final class Shortcuts {

    private Shortcuts() {
    }

    /** Parses {@code text} in {@link KeyCombination} syntax ({@code Shortcut+Shift+P}); empty when it is not one. */
    public static Optional<KeyCombination> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KeyCombination.keyCombination(text.strip()));
        } catch (IllegalArgumentException | NullPointerException notAKey) {
            return Optional.empty();
        }
    }

    /** What people read: {@code Ctrl+Shift+P}; "" for none. */
    public static String display(KeyCombination key) {
        return key == null ? "" : key.getDisplayText();
    }

    /** Whether {@code a} and {@code b} are pressed the same way here. */
    public static boolean same(KeyCombination a, KeyCombination b) {
        return a != null && b != null && display(a).equals(display(b));
    }

    /**
     * The combination a key press makes, for recording a binding: empty for a lone modifier, and for a key that
     * would type text or move the caret (a letter, Enter, an arrow) without Ctrl, Alt or Meta. Function keys may
     * stand alone.
     */
    public static Optional<KeyCombination> recorded(KeyEvent event) {
        var code = event.getCode();
        if (code == null || code.isModifierKey() || code == KeyCode.UNDEFINED) {
            return Optional.empty();
        }
        var modifiers = new ArrayList<KeyCombination.Modifier>();
        if (event.isShortcutDown()) {
            modifiers.add(KeyCombination.SHORTCUT_DOWN);
        }
        if (event.isControlDown() && !isShortcutKey(event, true)) {
            modifiers.add(KeyCombination.CONTROL_DOWN);
        }
        if (event.isMetaDown() && !isShortcutKey(event, false)) {
            modifiers.add(KeyCombination.META_DOWN);
        }
        if (event.isAltDown()) {
            modifiers.add(KeyCombination.ALT_DOWN);
        }
        if (event.isShiftDown()) {
            modifiers.add(KeyCombination.SHIFT_DOWN);
        }
        var combination = new KeyCodeCombination(code, modifiers.toArray(KeyCombination.Modifier[]::new));
        return isBindable(combination) ? Optional.of(combination) : Optional.empty();
    }

    /** Whether a binding to {@code key} could never get in the way of typing. */
    public static boolean isBindable(KeyCombination key) {
        if (!(key instanceof KeyCodeCombination combination)) {
            return key != null;
        }
        var commanded = combination.getControl() == KeyCombination.ModifierValue.DOWN
                || combination.getShortcut() == KeyCombination.ModifierValue.DOWN
                || combination.getMeta() == KeyCombination.ModifierValue.DOWN
                || combination.getAlt() == KeyCombination.ModifierValue.DOWN;
        return commanded || combination.getCode().isFunctionKey();
    }

    /** On Linux and Windows the shortcut key is Ctrl, on macOS Meta: do not write it twice. */
    private static boolean isShortcutKey(KeyEvent event, boolean control) {
        if (!event.isShortcutDown()) {
            return false;
        }
        var probe = new KeyCodeCombination(event.getCode(), KeyCombination.SHORTCUT_DOWN);
        var asControl = new KeyCodeCombination(event.getCode(), KeyCombination.CONTROL_DOWN);
        var shortcutIsControl = display(probe).equals(display(asControl));
        return control == shortcutIsControl;
    }
}
