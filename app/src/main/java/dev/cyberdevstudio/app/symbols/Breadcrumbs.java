package dev.cyberdevstudio.app.symbols;

import dev.cyberdevstudio.app.actions.QuickPick;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.app.editor.DocumentViewModel;
import dev.cyberdevstudio.engine.syntax.OutlineSymbol;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.util.Duration;

/**
 * The bar above an editor's text: the file's path in the project, then the symbols around the caret
 * ({@code src › Shop.java › Shop › sell}). Clicking a symbol puts the caret on its name. The outline itself is read
 * off the FX thread ({@link EditorOutline}); when it or the caret moves, the chain is looked up in it after a short
 * pause, which costs a binary search per level.
 */
final class Breadcrumbs implements AutoCloseable {

    static final int DEBOUNCE_MILLIS = 60;
    private static final String SEPARATOR = "›";
    private static final String STYLESHEET = Objects.requireNonNull(
            QuickPick.class.getResource("actions.css"), "actions.css").toExternalForm();

    private final DocumentViewModel document;
    private final CodeEditor editor;
    private final EditorOutline outline;
    private final Supplier<Optional<Path>> projectRoot;
    private final HBox bar = new HBox();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MILLIS));
    private final InvalidationListener changed = observable -> debounce.playFromStart();
    private List<OutlineSymbol> shown = List.of();
    private List<String> shownPath = List.of();

    /** {@code outline} may be null: a file without a grammar shows its path only. */
    Breadcrumbs(DocumentViewModel document, CodeEditor editor, EditorOutline outline,
                Supplier<Optional<Path>> projectRoot) {
        this.document = document;
        this.editor = editor;
        this.outline = outline;
        this.projectRoot = projectRoot;
        bar.setId("breadcrumbs");
        bar.getStyleClass().add("breadcrumbs");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStylesheets().add(STYLESHEET);
        debounce.setOnFinished(event -> update());
        document.pathProperty().addListener(changed);
        document.selectionProperty().addListener(changed);
        if (outline != null) {
            outline.outlineProperty().addListener(changed);
        }
        update();
    }

    Node bar() {
        return bar;
    }

    /** The symbols shown now, outermost first. */
    List<OutlineSymbol> shownSymbols() {
        return shown;
    }

    @Override
    public void close() {
        debounce.stop();
        document.pathProperty().removeListener(changed);
        document.selectionProperty().removeListener(changed);
        if (outline != null) {
            outline.outlineProperty().removeListener(changed);
        }
    }

    /** Rebuilds the bar when the path or the chain of symbols at the caret changed. */
    private void update() {
        var path = segments(document.path());
        var chain = Optional.ofNullable(outline).flatMap(EditorOutline::outline)
                .map(read -> read.enclosing(document.selection().caret()))
                .orElse(List.of());
        if (path.equals(shownPath) && chain.equals(shown)) {
            return;
        }
        shownPath = path;
        shown = chain;
        var crumbs = new ArrayList<Node>();
        for (var segment : path) {
            if (!crumbs.isEmpty()) {
                crumbs.add(separator());
            }
            var crumb = new Label(segment);
            crumb.getStyleClass().add("breadcrumb");
            crumbs.add(crumb);
        }
        for (var symbol : chain) {
            crumbs.add(separator());
            crumbs.add(crumb(symbol));
        }
        bar.getChildren().setAll(crumbs);
    }

    private List<String> segments(Path file) {
        var root = projectRoot.get();
        var relative = root.filter(file::startsWith).map(folder -> folder.relativize(file)).orElse(file.getFileName());
        var segments = new ArrayList<String>();
        if (relative != null) {
            relative.forEach(part -> segments.add(part.toString()));
        }
        return segments;
    }

    private Label crumb(OutlineSymbol symbol) {
        var crumb = new Label(symbol.name(), SymbolIcons.of(symbol.kind()));
        crumb.getStyleClass().addAll("breadcrumb", "symbol");
        crumb.setTooltip(new Tooltip(symbol.kind().label() + " " + symbol.name() + ", line "
                + (symbol.nameStart().line() + 1)));
        crumb.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                document.goTo(symbol.nameStart().line() + 1, symbol.nameStart().column() + 1);
                editor.focusText();
            }
        });
        return crumb;
    }

    private static Label separator() {
        var separator = new Label(SEPARATOR);
        separator.getStyleClass().add("breadcrumb-separator");
        return separator;
    }
}
