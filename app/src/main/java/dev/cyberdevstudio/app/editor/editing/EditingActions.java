package dev.cyberdevstudio.app.editor.editing;

import dev.cyberdevstudio.app.actions.ActionRegistry;
import dev.cyberdevstudio.app.actions.StudioAction;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.input.KeyCombination;

/**
 * The editing and split commands as studio actions: ids, names and default keys (VS Code's, IntelliJ's where VS
 * Code has none on Linux).
 *
 * <pre>{@code
 * EditingActions.registerAll(actions, editorTabs);
 * editorTabs.addEditorFeature(new EditingFeature(id -> actions.shortcut(id).get())::attach);
 * }</pre>
 */
public final class EditingActions {

    public static final String TOGGLE_LINE_COMMENT = "editor.toggle-line-comment";
    public static final String TOGGLE_BLOCK_COMMENT = "editor.toggle-block-comment";
    public static final String JUMP_TO_BRACKET = "editor.jump-to-bracket";
    public static final String ADD_CARET_ABOVE = "editor.add-caret-above";
    public static final String ADD_CARET_BELOW = "editor.add-caret-below";
    public static final String ADD_NEXT_OCCURRENCE = "editor.add-next-occurrence";
    public static final String INDENT_LINES = "editor.indent-lines";
    public static final String OUTDENT_LINES = "editor.outdent-lines";
    public static final String SPLIT_RIGHT = "editor.split-right";
    public static final String FOCUS_FIRST_GROUP = "editor.focus-first-group";
    public static final String FOCUS_SECOND_GROUP = "editor.focus-second-group";
    public static final String FOCUS_OTHER_GROUP = "editor.focus-other-group";
    public static final String JOIN_GROUPS = "editor.join-groups";

    private static final String EDIT = "Edit";
    private static final String NAVIGATE = "Navigate";
    private static final String VIEW = "View";

    /**
     * One command on the active editor.
     *
     * @param id              the action id
     * @param name            what the palette and menus show
     * @param category        the palette group
     * @param defaultShortcut in {@link KeyCombination} syntax, or null
     * @param run             what it does to an editor
     */
    public record EditorCommand(String id, String name, String category, String defaultShortcut,
                                Consumer<EditingCommands> run) { }

    /** The commands on the active editor; the editor also answers their keys itself while it has the focus. */
    public static final List<EditorCommand> EDITOR_COMMANDS = List.of(
            new EditorCommand(TOGGLE_LINE_COMMENT, "Toggle Line Comment", EDIT, "Shortcut+Slash",
                    EditingCommands::toggleLineComment),
            new EditorCommand(TOGGLE_BLOCK_COMMENT, "Toggle Block Comment", EDIT, "Shortcut+Shift+Slash",
                    EditingCommands::toggleBlockComment),
            new EditorCommand(JUMP_TO_BRACKET, "Go to Matching Bracket", NAVIGATE, "Shortcut+Shift+Back Slash",
                    EditingCommands::jumpToMatchingBracket),
            new EditorCommand(ADD_CARET_ABOVE, "Add Caret Above", EDIT, "Shortcut+Alt+Up",
                    EditingCommands::addCaretAbove),
            new EditorCommand(ADD_CARET_BELOW, "Add Caret Below", EDIT, "Shortcut+Alt+Down",
                    EditingCommands::addCaretBelow),
            new EditorCommand(ADD_NEXT_OCCURRENCE, "Add Selection for Next Occurrence", EDIT, "Alt+J",
                    EditingCommands::addNextOccurrence),
            new EditorCommand(INDENT_LINES, "Indent Lines", EDIT, null, EditingCommands::indentLines),
            new EditorCommand(OUTDENT_LINES, "Outdent Lines", EDIT, null, EditingCommands::outdentLines));

    private EditingActions() {
    }

    /** The default key of an action of this class, or null. */
    public static KeyCombination defaultShortcut(String id) {
        return EDITOR_COMMANDS.stream().filter(command -> command.id().equals(id)).findFirst()
                .map(EditorCommand::defaultShortcut).map(KeyCombination::keyCombination).orElse(null);
    }

    /** Registers the editing commands (on the active editor of {@code editors}) and the split commands. */
    public static void registerAll(ActionRegistry actions, EditorTabsPane editors) {
        for (var command : EDITOR_COMMANDS) {
            actions.register(new StudioAction(command.id(), command.name(), command.category(),
                    command.defaultShortcut(), () -> active(editors).ifPresent(command.run())));
        }
        actions.register(new StudioAction(SPLIT_RIGHT, "Split Editor Right", VIEW, "Shortcut+Back Slash",
                editors::splitRight));
        actions.register(new StudioAction(FOCUS_FIRST_GROUP, "Focus First Editor Group", VIEW, "Shortcut+1",
                () -> editors.focusGroup(0)));
        actions.register(new StudioAction(FOCUS_SECOND_GROUP, "Focus Second Editor Group", VIEW, "Shortcut+2",
                () -> editors.focusGroup(1)));
        actions.register(new StudioAction(FOCUS_OTHER_GROUP, "Focus Other Editor Group", VIEW, null,
                editors::focusOtherGroup));
        actions.register(new StudioAction(JOIN_GROUPS, "Join Editor Groups", VIEW, null, editors::joinGroups));
    }

    private static Optional<EditingCommands> active(EditorTabsPane editors) {
        return editors.activeEditor().flatMap(editor -> editor.feature(EditingCommands.class));
    }
}
