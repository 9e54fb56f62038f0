package dev.cyberdevstudio.app.editor;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The editor tabs: one tab per open document of an {@link EditorTabsViewModel}, titled with the file name and a
 * "●" while there are unsaved changes, the full path as tooltip. Ctrl+S saves, Ctrl+Shift+S saves all, Ctrl+W
 * closes; closing a tab goes through the view model, which asks about unsaved changes.
 */
public final class EditorTabsPane extends StackPane {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE_ALL =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);

    private final EditorTabsViewModel viewModel;
    private final TabPane tabPane = new TabPane();
    private final Map<DocumentViewModel, Tab> tabs = new HashMap<>();
    private BiFunction<Path, CodeArea, AutoCloseable> highlighting;
    private final List<BiFunction<DocumentViewModel, CodeEditor, AutoCloseable>> features = new ArrayList<>();
    private boolean selectingTab;

    public EditorTabsPane(EditorTabsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("editor-tabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabPane.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        var placeholder = new Label("Open a file from the project tree.");
        placeholder.getStyleClass().addAll("editor-placeholder", Styles.TEXT_MUTED);
        placeholder.visibleProperty().bind(Bindings.isEmpty(tabPane.getTabs()));
        getChildren().addAll(tabPane, placeholder);

        viewModel.documents().forEach(document -> addTab(tabPane.getTabs().size(), document));
        viewModel.documents().addListener((ListChangeListener<DocumentViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                for (int i = 0; i < change.getAddedSize(); i++) {
                    addTab(change.getFrom() + i, change.getAddedSubList().get(i));
                }
            }
        });
        tabPane.getSelectionModel().selectedItemProperty().addListener((observable, was, tab) -> {
            if (!selectingTab && tab != null && tab.getUserData() instanceof DocumentViewModel document) {
                viewModel.activate(document);
            }
            focusSelected();
        });
        viewModel.activeDocumentProperty().addListener((observable, was, document) -> select(document));
        select(viewModel.activeDocumentProperty().get());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /**
     * Highlighting for every open and future editor: {@code highlighter} gets the file and its area and returns a
     * handle that is closed with the tab. The integrator plugs the syntax engine in here, e.g.
     * {@code (path, area) -> Language.forFileName(name).map(l -> SyntaxHighlighting.attach(area, l, ex)).orElse(null)}.
     */
    public void setHighlighting(BiFunction<Path, CodeArea, AutoCloseable> highlighter) {
        this.highlighting = highlighter;
        tabs.forEach((document, tab) -> {
            if (tab.getContent() instanceof CodeEditor editor) {
                attachHighlighting(document, editor);
            }
        });
    }

    /**
     * A feature for every open and future editor (git gutter, diagnostics, bracket matching …): {@code feature}
     * gets the document and its editor and returns a handle (or null) that is closed with the tab.
     */
    public void addEditorFeature(BiFunction<DocumentViewModel, CodeEditor, AutoCloseable> feature) {
        features.add(feature);
        tabs.forEach((document, tab) -> {
            if (tab.getContent() instanceof CodeEditor editor) {
                attachFeature(feature, document, editor);
            }
        });
    }

    /** The editor showing {@code document}; empty for a binary file or a document that is not open. */
    public Optional<CodeEditor> editorFor(DocumentViewModel document) {
        return Optional.ofNullable(tabs.get(document))
                .map(Tab::getContent)
                .filter(CodeEditor.class::isInstance)
                .map(CodeEditor.class::cast);
    }

    /** The editor of the active document, if it shows text. */
    public Optional<CodeEditor> activeEditor() {
        return viewModel.activeDocument().flatMap(this::editorFor);
    }

    private void addTab(int index, DocumentViewModel document) {
        var tab = new Tab();
        tab.setUserData(document);
        tab.textProperty().bind(document.titleProperty());
        tab.setTooltip(new Tooltip(document.tooltip()));
        document.dirtyProperty().addListener((observable, was, dirty) -> markDirty(tab, dirty));
        markDirty(tab, document.isDirty());
        if (document.binaryNotice().isPresent()) {
            var notice = new Label(document.binaryNotice().get(), new FontIcon(Material2AL.INSERT_DRIVE_FILE));
            notice.getStyleClass().addAll("binary-notice", Styles.TEXT_MUTED);
            notice.setWrapText(true);
            tab.setContent(new StackPane(notice));
        } else {
            var editor = new CodeEditor(document);
            attachHighlighting(document, editor);
            features.forEach(feature -> attachFeature(feature, document, editor));
            tab.setContent(editor);
        }
        tab.setOnCloseRequest(event -> {
            event.consume();
            viewModel.close(document);
        });
        tabs.put(document, tab);
        tabPane.getTabs().add(Math.min(index, tabPane.getTabs().size()), tab);
    }

    private void removeTab(DocumentViewModel document) {
        var tab = tabs.remove(document);
        if (tab == null) {
            return;
        }
        if (tab.getContent() instanceof CodeEditor editor) {
            editor.close();
        }
        tab.textProperty().unbind();
        tabPane.getTabs().remove(tab);
    }

    private void attachHighlighting(DocumentViewModel document, CodeEditor editor) {
        // A file above the large-file limit opens read-only and without highlighting.
        var highlighter = document.isLargeFile() ? null : highlighting;
        editor.setHighlighting(highlighter == null ? null : area -> highlighter.apply(document.path(), area));
    }

    private static void attachFeature(BiFunction<DocumentViewModel, CodeEditor, AutoCloseable> feature,
                                      DocumentViewModel document, CodeEditor editor) {
        var handle = feature.apply(document, editor);
        if (handle != null) {
            editor.onClose(handle);
        }
    }

    private void select(DocumentViewModel document) {
        var tab = document == null ? null : tabs.get(document);
        if (tab == null || tabPane.getSelectionModel().getSelectedItem() == tab) {
            return;
        }
        selectingTab = true;
        try {
            tabPane.getSelectionModel().select(tab);
        } finally {
            selectingTab = false;
        }
    }

    // The tab's content joins the scene only after the selection is drawn: focus it on the next pulse.
    private void focusSelected() {
        Platform.runLater(() -> activeEditor().ifPresent(CodeEditor::focusText));
    }

    private void shortcut(KeyEvent event) {
        if (SAVE.match(event)) {
            viewModel.saveActive();
        } else if (SAVE_ALL.match(event)) {
            viewModel.saveAll();
        } else if (CLOSE.match(event)) {
            viewModel.closeActive();
        } else {
            return;
        }
        event.consume();
    }

    private static void markDirty(Tab tab, boolean dirty) {
        if (dirty) {
            if (!tab.getStyleClass().contains("dirty")) {
                tab.getStyleClass().add("dirty");
            }
        } else {
            tab.getStyleClass().remove("dirty");
        }
    }
}
