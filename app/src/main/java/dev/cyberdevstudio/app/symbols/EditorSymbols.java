package dev.cyberdevstudio.app.symbols;

import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.app.editor.EditorTabsPane;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Symbols in the editor: every editor gets an {@link EditorOutline} (found with
 * {@code editor.feature(EditorOutline.class)}) and a breadcrumbs bar; {@link #goToSymbol} opens the symbol list of
 * the active one.
 *
 * <pre>{@code
 * var symbols = EditorSymbols.install(editorPane, executor, viewModel::project);
 * actions.register(new StudioAction(EditorSymbols.GO_TO_SYMBOL_ID, "Go to Symbol in File…", "Navigate",
 *     "Shortcut+Shift+O", () -> symbols.goToSymbol(stage)));
 * }</pre>
 */
public final class EditorSymbols {

    public static final String GO_TO_SYMBOL_ID = "navigate.go-to-symbol";
    public static final String FILE_STRUCTURE_ID = "navigate.file-structure";

    private final EditorTabsPane editors;
    private final TaskExecutor executor;
    private final Supplier<Optional<Path>> projectRoot;
    private GoToSymbol open;

    private EditorSymbols(EditorTabsPane editors, TaskExecutor executor, Supplier<Optional<Path>> projectRoot) {
        this.editors = editors;
        this.executor = executor;
        this.projectRoot = projectRoot;
    }

    /** Adds outlines and breadcrumbs to every open and future editor of {@code editors}. */
    public static EditorSymbols install(EditorTabsPane editors, TaskExecutor executor,
                                        Supplier<Optional<Path>> projectRoot) {
        var symbols = new EditorSymbols(editors, executor, projectRoot);
        editors.addEditorFeature(symbols::attach);
        return symbols;
    }

    /** Opens Go to Symbol over {@code owner} for the active editor; false when no editor with symbols is active. */
    public boolean goToSymbol(Window owner) {
        var editor = editors.activeEditor();
        var outline = editor.flatMap(active -> active.feature(EditorOutline.class));
        if (outline.isEmpty()) {
            return false;
        }
        if (open != null && open.pick().isShowing()) {
            return true;
        }
        open = new GoToSymbol(editor.get(), outline.get());
        open.show(owner);
        return true;
    }

    private AutoCloseable attach(DocumentViewModel document, CodeEditor editor) {
        var outline = EditorOutline.languageOf(document)
                .map(language -> EditorOutline.attach(document, language, executor))
                .orElse(null);
        if (outline != null) {
            editor.putFeature(EditorOutline.class, outline);
        }
        var breadcrumbs = new Breadcrumbs(document, editor, outline, projectRoot);
        editor.putFeature(Breadcrumbs.class, breadcrumbs);
        editor.addHeader(breadcrumbs.bar());
        return () -> {
            breadcrumbs.close();
            if (outline != null) {
                outline.close();
            }
        };
    }
}
