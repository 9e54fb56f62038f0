package dev.cyberdevstudio.app.editor;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
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
 *
 * <p>The area splits in two tab groups side by side (Ctrl+\ puts the active document in the other group too): a
 * document can be open in both, each tab with its own {@link CodeEditor} and caret over the one shared document, so
 * that an edit in one shows in the other. The active document is the one of the group that last had the focus
 * (Ctrl+1 and Ctrl+2 focus a group); new files open in that group. Closing a tab whose document is open in the
 * other group too only closes that view; closing the last tab of a group joins the groups again.
 */
public final class EditorTabsPane extends StackPane {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SAVE_ALL =
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination CLOSE = new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination SPLIT =
            new KeyCodeCombination(KeyCode.BACK_SLASH, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FOCUS_FIRST =
            new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FOCUS_SECOND =
            new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN);
    private static final String STYLESHEET = Objects.requireNonNull(
            EditorTabsPane.class.getResource("editor-groups.css"), "editor-groups.css").toExternalForm();

    private final EditorTabsViewModel viewModel;
    private final SplitPane split = new SplitPane();
    private final Label placeholder = new Label("Open a file from the project tree.");
    private final List<TabGroup> groups = new ArrayList<>();
    private TabGroup focused;
    private BiFunction<Path, CodeArea, AutoCloseable> highlighting;
    private final List<BiFunction<DocumentViewModel, CodeEditor, AutoCloseable>> features = new ArrayList<>();
    private boolean selectingTab;
    /** The active document was closed out of the focused group: its next tab there becomes active, not another's. */
    private boolean keepFocusedGroup;

    public EditorTabsPane(EditorTabsViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("editor-tabs");
        getStylesheets().add(STYLESHEET);
        split.getStyleClass().add("editor-groups");
        split.setOrientation(Orientation.HORIZONTAL);
        focused = addGroup();
        placeholder.getStyleClass().addAll("editor-placeholder", Styles.TEXT_MUTED);
        placeholder.setMouseTransparent(true);
        getChildren().addAll(split, placeholder);

        viewModel.documents().forEach(document -> addTab(focused, focused.size(), document));
        viewModel.documents().addListener((ListChangeListener<DocumentViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeDocument);
                for (int i = 0; i < change.getAddedSize(); i++) {
                    addTab(focused, change.getFrom() + i, change.getAddedSubList().get(i));
                }
            }
        });
        viewModel.activeDocumentProperty().addListener((observable, was, document) -> select(document));
        select(viewModel.activeDocumentProperty().get());
        updatePlaceholder();
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /**
     * Highlighting for every open and future editor: {@code highlighter} gets the file and its area and returns a
     * handle that is closed with the tab. The integrator plugs the syntax engine in here, e.g.
     * {@code (path, area) -> Language.forFileName(name).map(l -> SyntaxHighlighting.attach(area, l, ex)).orElse(null)}.
     */
    public void setHighlighting(BiFunction<Path, CodeArea, AutoCloseable> highlighter) {
        this.highlighting = highlighter;
        for (var group : groups) {
            group.tabs.forEach((document, tab) -> {
                if (tab.getContent() instanceof CodeEditor editor) {
                    attachHighlighting(document, editor);
                }
            });
        }
    }

    /**
     * A feature for every open and future editor, in both tab groups (git gutter, diagnostics, bracket matching …):
     * {@code feature} gets the document and its editor and returns a handle (or null) that is closed with the tab.
     */
    public void addEditorFeature(BiFunction<DocumentViewModel, CodeEditor, AutoCloseable> feature) {
        features.add(feature);
        for (var group : groups) {
            group.tabs.forEach((document, tab) -> {
                if (tab.getContent() instanceof CodeEditor editor) {
                    attachFeature(feature, document, editor);
                }
            });
        }
    }

    /**
     * The editor showing {@code document}, the focused group's when both groups show it; empty for a binary file or
     * a document that is not open.
     */
    public Optional<CodeEditor> editorFor(DocumentViewModel document) {
        return focused.editorFor(document).or(() -> groups.stream()
                .flatMap(group -> group.editorFor(document).stream()).findFirst());
    }

    /** Every editor showing {@code document}: one, or two when both groups show it. */
    public List<CodeEditor> editorsFor(DocumentViewModel document) {
        return groups.stream().flatMap(group -> group.editorFor(document).stream()).toList();
    }

    /** The editor of the active document, if it shows text. */
    public Optional<CodeEditor> activeEditor() {
        return viewModel.activeDocument().flatMap(this::editorFor);
    }

    // ---------------------------------------------------------------- split

    /** Whether the area shows two tab groups. */
    public boolean isSplit() {
        return groups.size() > 1;
    }

    /** The documents of group {@code index} (0 left, 1 right) in tab order; empty when there is no such group. */
    public List<DocumentViewModel> groupDocuments(int index) {
        return index < groups.size() ? groups.get(index).documents() : List.of();
    }

    /** The index of the group that has (or last had) the focus. */
    public int focusedGroup() {
        return groups.indexOf(focused);
    }

    /**
     * Ctrl+\: opens the active document in the other group too (splitting the area when it is not split yet) and
     * moves the focus there.
     */
    public void splitRight() {
        var document = viewModel.activeDocument();
        if (document.isEmpty()) {
            return;
        }
        if (groups.size() == 1) {
            addGroup();
        }
        var target = groups.get(1 - groups.indexOf(focused));
        if (!target.tabs.containsKey(document.get())) {
            addTab(target, target.size(), document.get());
        }
        moveFocusTo(target);
    }

    /** Ctrl+1 / Ctrl+2: moves the focus to the editor of group {@code index}. */
    public void focusGroup(int index) {
        if (index >= 0 && index < groups.size()) {
            moveFocusTo(groups.get(index));
        }
    }

    /** Moves the focus to the other group, when split. */
    public void focusOtherGroup() {
        if (isSplit()) {
            moveFocusTo(groups.get(1 - groups.indexOf(focused)));
        }
    }

    /** Back to one group: the right group's documents join the left one's tabs. */
    public void joinGroups() {
        if (!isSplit()) {
            return;
        }
        var left = groups.getFirst();
        var right = groups.get(1);
        var active = viewModel.activeDocument();
        for (var document : right.documents()) {
            if (!left.tabs.containsKey(document)) {
                addTab(left, left.size(), document);
            }
        }
        removeGroup(right);
        focused = left;
        active.ifPresent(this::select);
        updateFollowers();
        focusSelected();
    }

    // ---------------------------------------------------------------- tabs

    private TabGroup addGroup() {
        var group = new TabGroup();
        groups.add(group);
        split.getItems().add(group.tabPane);
        updateSplitStyle();
        return group;
    }

    private void removeGroup(TabGroup group) {
        for (var document : group.documents()) {
            group.remove(document);
        }
        groups.remove(group);
        split.getItems().remove(group.tabPane);
        updateSplitStyle();
    }

    private void addTab(TabGroup group, int index, DocumentViewModel document) {
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
            closeTab(group, document);
        });
        group.tabs.put(document, tab);
        selectingTab = true;
        try {
            group.tabPane.getTabs().add(Math.min(index, group.size()), tab);
        } finally {
            selectingTab = false;
        }
        updateFollowers();
        updatePlaceholder();
    }

    // A tab closed by the user: only this view when the other group shows the document too.
    private void closeTab(TabGroup group, DocumentViewModel document) {
        if (groups.stream().filter(other -> other != group).anyMatch(other -> other.tabs.containsKey(document))) {
            boolean wasFocused = group == focused;
            group.remove(document);
            afterGroupShrank(group, wasFocused);
        } else {
            viewModel.close(document);
        }
    }

    // The view model closed the document: its tabs go from every group.
    private void removeDocument(DocumentViewModel document) {
        boolean active = viewModel.activeDocument().filter(document::equals).isPresent();
        for (var group : List.copyOf(groups)) {
            if (group.tabs.containsKey(document)) {
                boolean wasFocused = group == focused;
                group.remove(document);
                afterGroupShrank(group, wasFocused);
                if (wasFocused) {
                    keepFocusedGroup = active && group == focused && group.size() > 0;
                }
            }
        }
    }

    private void afterGroupShrank(TabGroup group, boolean wasFocused) {
        if (group.size() == 0 && isSplit()) {
            removeGroup(group);
            if (wasFocused) {
                moveFocusTo(groups.getFirst());
            }
        } else if (wasFocused) {
            group.selectedDocument().ifPresent(viewModel::activate);
        }
        updateFollowers();
        updatePlaceholder();
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

    // The view model's active document changed: select its tab, in the focused group when that shows it.
    private void select(DocumentViewModel document) {
        if (document == null) {
            return;
        }
        if (keepFocusedGroup) {
            keepFocusedGroup = false;
            var next = focused.selectedDocument();
            if (next.isPresent() && !focused.tabs.containsKey(document)) {
                viewModel.activate(next.get());
                return;
            }
        }
        var group = focused.tabs.containsKey(document) ? focused
                : groups.stream().filter(candidate -> candidate.tabs.containsKey(document)).findFirst().orElse(null);
        if (group == null) {
            return;
        }
        if (group != focused) {
            focused = group;
            updateSplitStyle();
        }
        group.select(document);
        updateFollowers();
    }

    private void moveFocusTo(TabGroup group) {
        focused = group;
        updateSplitStyle();
        group.selectedDocument().ifPresent(viewModel::activate);
        updateFollowers();
        focusSelected();
    }

    // A group got the keyboard focus (a click into its editor): its document becomes the active one.
    private void focusedWithin(TabGroup group) {
        if (focused != group) {
            focused = group;
            updateSplitStyle();
        }
        group.selectedDocument().ifPresent(viewModel::activate);
        updateFollowers();
    }

    // Two editors of one document keep their own carets; the focused group's one is the document's. Editors stop
    // following before any starts, so that the one starting does not drag the others' carets along.
    private void updateFollowers() {
        for (boolean follows : new boolean[] {false, true}) {
            for (var group : groups) {
                group.tabs.forEach((document, tab) -> {
                    if (tab.getContent() instanceof CodeEditor editor
                            && follows == (group == focused || !focused.tabs.containsKey(document))) {
                        editor.setFollowsDocumentSelection(follows);
                    }
                });
            }
        }
    }

    private void updateSplitStyle() {
        split.getStyleClass().remove("split");
        if (isSplit()) {
            split.getStyleClass().add("split");
        }
        for (var group : groups) {
            group.tabPane.getStyleClass().removeAll("focused-group", "unfocused-group");
            if (isSplit()) {
                group.tabPane.getStyleClass().add(group == focused ? "focused-group" : "unfocused-group");
            }
        }
    }

    private void updatePlaceholder() {
        placeholder.setVisible(groups.stream().allMatch(group -> group.size() == 0));
    }

    // The tab's content joins the scene only after the selection is drawn (a new group's even later, with its
    // skin): focus it on the next pulse, or once it is in the scene.
    private void focusSelected() {
        var group = focused;
        Platform.runLater(() -> group.selectedDocument().flatMap(group::editorFor).ifPresent(editor -> {
            if (editor.area().getScene() != null) {
                editor.focusText();
                return;
            }
            editor.area().sceneProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends Scene> observable, Scene was, Scene scene) {
                    if (scene != null) {
                        observable.removeListener(this);
                        Platform.runLater(editor::focusText);
                    }
                }
            });
        }));
    }

    private void shortcut(KeyEvent event) {
        if (SAVE.match(event)) {
            viewModel.saveActive();
        } else if (SAVE_ALL.match(event)) {
            viewModel.saveAll();
        } else if (CLOSE.match(event)) {
            viewModel.activeDocument().ifPresent(document -> closeTab(
                    focused.tabs.containsKey(document) ? focused : groups.getFirst(), document));
        } else if (SPLIT.match(event)) {
            splitRight();
        } else if (FOCUS_FIRST.match(event)) {
            focusGroup(0);
        } else if (FOCUS_SECOND.match(event)) {
            focusGroup(1);
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

    /** One tab group: a tab pane and the editor of each of its documents. */
    private final class TabGroup {

        private final TabPane tabPane = new TabPane();
        private final Map<DocumentViewModel, Tab> tabs = new HashMap<>();

        TabGroup() {
            tabPane.getStyleClass().add("editor-group");
            tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
            tabPane.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
            tabPane.getSelectionModel().selectedItemProperty().addListener((observable, was, tab) -> {
                if (!selectingTab && tab != null && tab.getUserData() instanceof DocumentViewModel document) {
                    focused = this;
                    updateSplitStyle();
                    viewModel.activate(document);
                    updateFollowers();
                }
                if (focused == this) {
                    focusSelected();
                }
            });
            tabPane.focusWithinProperty().addListener((observable, was, within) -> {
                if (within) {
                    focusedWithin(this);
                }
            });
        }

        int size() {
            return tabPane.getTabs().size();
        }

        List<DocumentViewModel> documents() {
            return tabPane.getTabs().stream().map(tab -> (DocumentViewModel) tab.getUserData()).toList();
        }

        Optional<DocumentViewModel> selectedDocument() {
            return Optional.ofNullable(tabPane.getSelectionModel().getSelectedItem())
                    .map(tab -> (DocumentViewModel) tab.getUserData());
        }

        Optional<CodeEditor> editorFor(DocumentViewModel document) {
            return Optional.ofNullable(tabs.get(document))
                    .map(Tab::getContent)
                    .filter(CodeEditor.class::isInstance)
                    .map(CodeEditor.class::cast);
        }

        void select(DocumentViewModel document) {
            var tab = tabs.get(document);
            if (tab == null || tabPane.getSelectionModel().getSelectedItem() == tab) {
                return;
            }
            selectingTab = true;
            try {
                tabPane.getSelectionModel().select(tab);
            } finally {
                selectingTab = false;
            }
            if (focused == this) {
                focusSelected();
            }
        }

        void remove(DocumentViewModel document) {
            var tab = tabs.remove(document);
            if (tab == null) {
                return;
            }
            if (tab.getContent() instanceof CodeEditor editor) {
                editor.close();
            }
            tab.textProperty().unbind();
            selectingTab = true;
            try {
                tabPane.getTabs().remove(tab);
            } finally {
                selectingTab = false;
            }
        }
    }
}
