package dev.cyberdevstudio.app.editor.editing;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.event.EventHandler;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.fxmisc.richtext.CodeArea;

/**
 * The keys and clicks of the editing commands, caught before the area's own handling: the commands' shortcuts (as
 * bound now), Enter, Tab, Backspace, typed brackets and quotes, and with extra carets also Delete, paste and the
 * arrow keys; Alt+click adds or removes a caret, a plain click or Esc goes back to one.
 */
final class EditingKeys implements AutoCloseable {

    /** The other editors' keys for the same commands (IntelliJ's, or VS Code's on Linux), always on. */
    private static final Map<KeyCombination, Consumer<EditingCommands>> ALTERNATES = Map.of(
            new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            EditingCommands::jumpToMatchingBracket,
            new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN),
            EditingCommands::addCaretAbove,
            new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN, KeyCombination.SHIFT_DOWN),
            EditingCommands::addCaretBelow);
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE_TOO = new KeyCodeCombination(KeyCode.INSERT, KeyCombination.SHIFT_DOWN);
    private static final String AUTO_CHARS = "([{)]}\"'`";
    private static final Map<KeyCode, EditingCommands.Direction> MOVES = Map.of(
            KeyCode.LEFT, EditingCommands.Direction.LEFT, KeyCode.RIGHT, EditingCommands.Direction.RIGHT,
            KeyCode.UP, EditingCommands.Direction.UP, KeyCode.DOWN, EditingCommands.Direction.DOWN,
            KeyCode.HOME, EditingCommands.Direction.HOME, KeyCode.END, EditingCommands.Direction.END);

    private final CodeArea area;
    private final EditingCommands commands;
    private final Function<String, KeyCombination> shortcuts;
    private final EventHandler<KeyEvent> pressed = this::pressed;
    private final EventHandler<KeyEvent> typed = this::typed;
    private final EventHandler<MouseEvent> clicked = this::clicked;
    /** A command's key was pressed: the char it types (Alt+J's "j") must not reach the text. */
    private boolean swallowTyped;

    EditingKeys(CodeArea area, EditingCommands commands, Function<String, KeyCombination> shortcuts) {
        this.area = area;
        this.commands = commands;
        this.shortcuts = shortcuts;
        area.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
        area.addEventFilter(KeyEvent.KEY_TYPED, typed);
        area.addEventFilter(MouseEvent.MOUSE_PRESSED, clicked);
    }

    private void pressed(KeyEvent event) {
        swallowTyped = false;
        if (runCommand(event)) {
            swallowTyped = true;
            event.consume();
            return;
        }
        boolean plain = !event.isShortcutDown() && !event.isAltDown() && !event.isMetaDown();
        boolean editable = area.isEditable();
        boolean extras = commands.hasExtraCarets();
        switch (event.getCode()) {
            case ESCAPE -> {
                if (extras) {
                    commands.clearExtraCarets();
                    event.consume();
                }
            }
            case ENTER -> act(event, plain && editable, commands::enter);
            case TAB -> act(event, plain && editable && !event.isControlDown(),
                    event.isShiftDown() ? commands::outdentLines : commands::tab);
            case BACK_SPACE -> act(event, plain && editable, commands::backspace);
            case DELETE -> act(event, plain && editable && extras && !event.isShiftDown(), commands::delete);
            default -> {
                if ((PASTE.match(event) || PASTE_TOO.match(event)) && editable && extras) {
                    var clipboard = Clipboard.getSystemClipboard();
                    if (clipboard.hasString()) {
                        commands.paste(clipboard.getString());
                    }
                    event.consume();
                } else if (extras && plain && !event.isShiftDown() && MOVES.containsKey(event.getCode())) {
                    // The area moves its own caret when the event goes on; the extra ones move here.
                    commands.moveExtraCarets(MOVES.get(event.getCode()));
                }
            }
        }
    }

    private boolean runCommand(KeyEvent event) {
        for (var command : EditingActions.EDITOR_COMMANDS) {
            var key = shortcuts.apply(command.id());
            if (key != null && key.match(event)) {
                command.run().accept(commands);
                return true;
            }
        }
        for (var alternate : ALTERNATES.entrySet()) {
            if (alternate.getKey().match(event)) {
                alternate.getValue().accept(commands);
                return true;
            }
        }
        return false;
    }

    private static void act(KeyEvent event, boolean when, Runnable action) {
        if (when) {
            action.run();
            event.consume();
        }
    }

    private void typed(KeyEvent event) {
        if (swallowTyped) {
            swallowTyped = false;
            event.consume();
            return;
        }
        if (event.isControlDown() || event.isMetaDown() || !area.isEditable()) {
            return;
        }
        var text = event.getCharacter();
        if (text.isEmpty() || text.charAt(0) < 0x20 || text.charAt(0) == 0x7f) {
            return;
        }
        if (commands.hasExtraCarets() || (text.length() == 1 && AUTO_CHARS.indexOf(text.charAt(0)) >= 0)) {
            commands.type(text);
            event.consume();
        }
    }

    private void clicked(MouseEvent event) {
        if (event.getButton() != MouseButton.PRIMARY) {
            return;
        }
        if (event.isAltDown() && event.getClickCount() == 1) {
            int offset = area.hit(event.getX(), event.getY()).getInsertionIndex();
            commands.toggleCaretAt(offset);
            area.requestFocus();
            event.consume();
        } else if (commands.hasExtraCarets() && !event.isShiftDown()) {
            commands.clearExtraCarets();
        }
    }

    @Override
    public void close() {
        area.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
        area.removeEventFilter(KeyEvent.KEY_TYPED, typed);
        area.removeEventFilter(MouseEvent.MOUSE_PRESSED, clicked);
    }
}
