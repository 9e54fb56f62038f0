package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.app.actions.ActionRegistry;
import dev.cyberdevstudio.app.actions.StudioAction;
import dev.cyberdevstudio.app.editor.CodeEditor;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The language commands as actions of the window, acting on the active editor's {@link LanguageFeatures}:
 * <pre>{@code
 * LanguageActions.register(actions, editorPane::activeEditor);
 * }</pre>
 * Default keys follow IntelliJ and VS Code; Ctrl+P belongs to quick open, so parameter info is Ctrl+Shift+Space.
 */
public final class LanguageActions {

    public static final String COMPLETE = "code.complete";
    public static final String PARAMETER_INFO = "code.parameter-info";
    public static final String GO_TO_DEFINITION = "code.go-to-definition";
    public static final String FIND_REFERENCES = "code.find-references";
    public static final String RENAME = "code.rename";
    public static final String FORMAT = "code.format";
    public static final String HOVER = "code.hover";

    private LanguageActions() {
    }

    /** Registers every language action; returns them in menu order. */
    public static List<StudioAction> register(ActionRegistry registry, Supplier<Optional<CodeEditor>> activeEditor) {
        return List.of(
                add(registry, COMPLETE, "Complete Code", "Shortcut+Space", activeEditor,
                        LanguageFeatures::complete),
                add(registry, PARAMETER_INFO, "Parameter Info", "Shortcut+Shift+Space", activeEditor,
                        LanguageFeatures::showSignatureHelp),
                add(registry, GO_TO_DEFINITION, "Go to Definition", "F12", activeEditor,
                        LanguageFeatures::goToDefinition),
                add(registry, FIND_REFERENCES, "Find References", "Shift+F12", activeEditor,
                        LanguageFeatures::findReferences),
                add(registry, RENAME, "Rename Symbol", "Shift+F6", activeEditor, LanguageFeatures::renameSymbol),
                add(registry, FORMAT, "Format Document", "Shortcut+Alt+L", activeEditor,
                        LanguageFeatures::formatDocument),
                add(registry, HOVER, "Show Quick Documentation", "Shortcut+Q", activeEditor,
                        LanguageFeatures::showHover));
    }

    private static StudioAction add(ActionRegistry registry, String id, String name, String shortcut,
                                    Supplier<Optional<CodeEditor>> activeEditor, Consumer<LanguageFeatures> command) {
        return registry.register(new StudioAction(id, name, "Code", shortcut, () -> activeEditor.get()
                .flatMap(editor -> editor.feature(LanguageFeatures.class)).ifPresent(command)));
    }
}
