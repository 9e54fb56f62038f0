package dev.cyberdevstudio.app.editor;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The view of one {@link DocumentViewModel}: a RichTextFX {@link CodeArea} with line numbers over the view model's
 * document and undo history, the find and replace bar, a banner (why the file is read-only) and a notice line.
 * Selection and caret are mirrored both ways; everything else is bound.
 *
 * <p>Keys: Ctrl+F find, Ctrl+H or Ctrl+R replace, Ctrl+G go to line, F3 / Shift+F3 next / previous match, Esc
 * closes the bar; undo and redo are the area's own keys, over the view model's history.
 *
 * <p>Highlighting is plugged in from outside, so that the editor does not depend on the syntax engine:
 * <pre>{@code
 * editor.setHighlighting(area -> SyntaxHighlighting.attach(area, language, executor));
 * }</pre>
 *
 * <p>Features (git gutter, diagnostics, bracket matching, breadcrumbs …) attach from outside too, through four seams:
 * {@link #addGutterColumn} puts a column beside the line numbers, {@link #overlay()} is a mouse-transparent layer
 * over the text to draw on, {@link #addHeader} stacks a bar above the text, and {@link #putFeature} lets commands
 * find a feature's handle on the active editor. Whatever a feature registers with {@link #onClose} is closed with
 * the editor.
 */
public final class CodeEditor extends BorderPane implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodeEditor.class);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE = new KeyCodeCombination(KeyCode.H, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REPLACE_TOO =
            new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination GO_TO_LINE =
            new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.F3);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.F3, KeyCombination.SHIFT_DOWN);
    private static final KeyCombination CLOSE_BAR = new KeyCodeCombination(KeyCode.ESCAPE);

    private final DocumentViewModel document;
    private final CodeArea area;
    private final FindReplaceBar findBar;
    private final ChangeListener<TextSelection> selectionListener = (observable, was, is) -> showSelection(is);
    private AutoCloseable highlighting = () -> { };
    private boolean showingSelection;
    private boolean followsDocument = true;
    private final VBox header = new VBox();
    private final Pane overlay = new Pane();
    private final IntFunction<Node> lineNumbers;
    private final List<IntFunction<Node>> gutterColumns = new ArrayList<>();
    private final Map<Class<?>, Object> features = new LinkedHashMap<>();
    private final List<AutoCloseable> closeWithEditor = new ArrayList<>();

    public CodeEditor(DocumentViewModel document) {
        this.document = document;
        getStyleClass().add("code-editor");
        area = new CodeArea(document.document());
        lineNumbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(lineNumbers);
        area.setUndoManager(document.undoManager());
        area.editableProperty().bind(document.readOnlyProperty().not());
        ChangeListener<Integer> caretMoved = (observable, was, is) -> reportSelection();
        area.caretPositionProperty().addListener(caretMoved);
        area.anchorProperty().addListener(caretMoved);
        document.selectionProperty().addListener(selectionListener);
        showSelection(document.selection());

        findBar = new FindReplaceBar(document.find(), this::focusText);
        header.getChildren().addAll(banner(), findBar);
        setTop(header);
        overlay.setMouseTransparent(true);
        overlay.setManaged(true);
        overlay.getStyleClass().add("code-editor-overlay");
        var scroll = new VirtualizedScrollPane<>(area);
        setCenter(new StackPane(scroll, overlay));
        setBottom(noticeLine());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /** The text area, for the highlighter and for tests. */
    public CodeArea area() {
        return area;
    }

    public DocumentViewModel document() {
        return document;
    }

    /**
     * The highlighting hook: {@code highlighter} is called with the area now, and the handle it returns is closed
     * when the editor closes or another highlighter replaces it. Pass null to switch highlighting off.
     */
    public void setHighlighting(Function<CodeArea, AutoCloseable> highlighter) {
        closeHighlighting();
        if (highlighter != null) {
            var handle = highlighter.apply(area);
            highlighting = handle == null ? () -> { } : handle;
        }
    }

    /**
     * Adds a column to the gutter, right of the line numbers: {@code column} makes the graphic of one paragraph
     * (null for nothing). Closing the handle removes the column.
     */
    public AutoCloseable addGutterColumn(IntFunction<Node> column) {
        gutterColumns.add(column);
        refreshGutter();
        return () -> {
            if (gutterColumns.remove(column)) {
                refreshGutter();
            }
        };
    }

    /** Builds the gutter again, for a column whose graphics changed while their lines did not. */
    public void refreshGutter() {
        if (gutterColumns.isEmpty()) {
            area.setParagraphGraphicFactory(lineNumbers);
            return;
        }
        var columns = List.copyOf(gutterColumns);
        area.setParagraphGraphicFactory(paragraph -> {
            var row = new HBox(lineNumbers.apply(paragraph));
            row.getStyleClass().add("editor-gutter");
            row.setAlignment(Pos.CENTER_LEFT);
            for (var column : columns) {
                var graphic = column.apply(paragraph);
                if (graphic != null) {
                    row.getChildren().add(graphic);
                }
            }
            return row;
        });
    }

    /**
     * A mouse-transparent layer exactly over the text, for drawing (squiggles, markers). Text positions map into
     * it with {@code overlay().screenToLocal(area().getCharacterBoundsOnScreen(from, to).orElseThrow())}.
     */
    public Pane overlay() {
        return overlay;
    }

    /** Adds a bar above the text, under the read-only banner and the find bar (breadcrumbs, say). */
    public void addHeader(Node bar) {
        header.getChildren().add(bar);
    }

    /** Makes {@code feature} findable on this editor by its type, for commands that act on the active editor. */
    public <T> void putFeature(Class<T> type, T feature) {
        features.put(type, type.cast(feature));
    }

    /** The feature of {@code type} attached to this editor, if any. */
    public <T> Optional<T> feature(Class<T> type) {
        return Optional.ofNullable(features.get(type)).map(type::cast);
    }

    /** Closes {@code resource} when the editor closes (features' listeners, timers, popups). */
    public void onClose(AutoCloseable resource) {
        closeWithEditor.add(resource);
    }

    /**
     * Whether this editor shows the document's selection and reports its own to it (the default). Two editors over
     * one document in a split keep their own carets: only the one last focused follows the document. Following
     * again reports this editor's selection, so that the status bar shows its caret.
     */
    public void setFollowsDocumentSelection(boolean follows) {
        if (followsDocument != follows) {
            followsDocument = follows;
            if (follows) {
                reportSelection();
            }
        }
    }

    /** Puts the keyboard focus in the text. */
    public void focusText() {
        area.requestFocus();
    }

    /** Detaches the area from the document and closes the highlighter. */
    @Override
    public void close() {
        closeHighlighting();
        for (var resource : closeWithEditor.reversed()) {
            try {
                resource.close();
            } catch (Exception error) {
                LOG.warn("Closing a feature of the editor of {} failed", document.path(), error);
            }
        }
        closeWithEditor.clear();
        features.clear();
        document.selectionProperty().removeListener(selectionListener);
        area.editableProperty().unbind();
        area.dispose();
    }

    private void closeHighlighting() {
        try {
            highlighting.close();
        } catch (Exception error) {
            LOG.warn("Closing the highlighter of {} failed", document.path(), error);
        }
        highlighting = () -> { };
    }

    private void reportSelection() {
        if (!showingSelection && followsDocument) {
            document.select(area.getAnchor(), area.getCaretPosition());
        }
    }

    private void showSelection(TextSelection selection) {
        if (!followsDocument) {
            return;
        }
        if (selection.anchor() == area.getAnchor() && selection.caret() == area.getCaretPosition()) {
            return;
        }
        showingSelection = true;
        try {
            area.selectRange(selection.anchor(), selection.caret());
        } finally {
            showingSelection = false;
        }
        revealCaret();
    }

    // A jump far away (find, go to line) lands in the middle of the view rather than on its last line.
    private void revealCaret() {
        if (!area.getVisibleParagraphs().isEmpty()) {
            int paragraph = area.getCurrentParagraph();
            if (paragraph < area.firstVisibleParToAllParIndex() || paragraph > area.lastVisibleParToAllParIndex()) {
                area.showParagraphAtCenter(paragraph);
                return;
            }
        }
        area.requestFollowCaret();
    }

    private void shortcut(KeyEvent event) {
        var find = document.find();
        if (FIND.match(event)) {
            find.open(false);
            findBar.focusQuery();
        } else if (REPLACE.match(event) || REPLACE_TOO.match(event)) {
            find.open(true);
            findBar.focusQuery();
        } else if (GO_TO_LINE.match(event)) {
            document.goToLine();
            focusText();
        } else if (NEXT.match(event)) {
            find.next();
        } else if (PREVIOUS.match(event)) {
            find.previous();
        } else if (CLOSE_BAR.match(event) && find.visibleProperty().get()) {
            find.close();
            focusText();
        } else {
            return;
        }
        event.consume();
    }

    private Label banner() {
        var banner = new Label();
        banner.getStyleClass().addAll("editor-banner", Styles.WARNING);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setPadding(new Insets(4, 8, 4, 8));
        banner.setGraphic(new FontIcon(Material2AL.LOCK));
        banner.textProperty().bind(document.bannerProperty());
        banner.visibleProperty().bind(document.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox noticeLine() {
        var text = new Label();
        text.getStyleClass().add("editor-notice-text");
        text.textProperty().bind(document.noticeProperty());
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        var dismiss = new Button(null, new FontIcon(Material2AL.CLOSE));
        dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        dismiss.setOnAction(event -> {
            document.dismissNotice();
            focusText();
        });
        var line = new HBox(6, text, dismiss);
        line.getStyleClass().add("editor-notice");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(2, 4, 2, 8));
        line.visibleProperty().bind(document.noticeProperty().isNotEmpty());
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }
}
