package dev.cyberdevstudio.app.symbols;

import dev.cyberdevstudio.app.actions.FuzzyMatch;
import dev.cyberdevstudio.app.actions.QuickPick;
import dev.cyberdevstudio.app.editor.CodeEditor;
import dev.cyberdevstudio.engine.syntax.OutlineSymbol;
import dev.cyberdevstudio.engine.syntax.SymbolOutline;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Go to Symbol in File (Ctrl+Shift+O; IntelliJ's File Structure, Ctrl+F12): the active file's symbols with their
 * kind's icon, indented by depth; typing filters them, best match first; Enter puts the caret on the chosen one.
 */
final class GoToSymbol {

    static final double INDENT = 16;

    private record Scored(OutlineSymbol symbol, int score) {
    }

    private final CodeEditor editor;
    private final EditorOutline outline;
    private final QuickPick<OutlineSymbol> pick;
    private final ChangeListener<SymbolOutline> arrived;
    private Map<OutlineSymbol, OutlineSymbol> parents = Map.of();
    private boolean filtering;

    GoToSymbol(CodeEditor editor, EditorOutline outline) {
        this.editor = editor;
        this.outline = outline;
        pick = new QuickPick<>("go-to-symbol", "Type the name of a symbol", this::filter, list -> new SymbolCell(),
                this::goTo);
        pick.setEmptyText(outline.outline().isPresent() ? "No matching symbols" : "Reading the symbols…");
        arrived = (observable, before, after) -> {
            pick.setEmptyText("No matching symbols");
            pick.refresh();
        };
        outline.outlineProperty().addListener(arrived);
        pick.popup().setOnHidden(event -> outline.outlineProperty().removeListener(arrived));
    }

    void show(Window owner) {
        pick.show(owner);
    }

    QuickPick<OutlineSymbol> pick() {
        return pick;
    }

    private List<OutlineSymbol> filter(String query) {
        var read = outline.outline();
        if (read.isEmpty()) {
            return List.of();
        }
        parents = parentsOf(read.get());
        filtering = query != null && !query.isBlank();
        if (!filtering) {
            return read.get().flat();
        }
        return read.get().flat().stream()
                .map(symbol -> new Scored(symbol, FuzzyMatch.score(query, symbol.name())))
                .filter(scored -> scored.score() != FuzzyMatch.NO_MATCH)
                .sorted(Comparator.comparingInt(Scored::score).reversed()
                        .thenComparingInt(scored -> scored.symbol().range().start()))
                .map(Scored::symbol)
                .toList();
    }

    private static Map<OutlineSymbol, OutlineSymbol> parentsOf(SymbolOutline read) {
        var parents = new IdentityHashMap<OutlineSymbol, OutlineSymbol>();
        for (var symbol : read.flat()) {
            symbol.children().forEach(child -> parents.put(child, symbol));
        }
        return parents;
    }

    private void goTo(OutlineSymbol symbol) {
        outline.document().goTo(symbol.nameStart().line() + 1, symbol.nameStart().column() + 1);
        editor.focusText();
    }

    /** Icon and name, indented by depth while unfiltered; kind, container and line muted on the right. */
    private final class SymbolCell extends ListCell<OutlineSymbol> {

        private final Label name = new Label();
        private final Label detail = new Label();
        private final Label line = new Label();
        private final FontIcon icon = new FontIcon();
        private final HBox row;

        SymbolCell() {
            name.getStyleClass().add("quick-pick-name");
            name.setGraphic(icon);
            detail.getStyleClass().add("quick-pick-detail");
            line.getStyleClass().add("quick-pick-detail");
            var gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            row = new HBox(8, name, detail, gap, line);
            row.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("quick-pick-cell");
        }

        @Override
        protected void updateItem(OutlineSymbol symbol, boolean empty) {
            super.updateItem(symbol, empty);
            if (empty || symbol == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(symbol.name());
            SymbolIcons.show(icon, symbol.kind());
            var parent = parents.get(symbol);
            detail.setText(filtering && parent != null ? symbol.kind().label() + " in " + parent.name()
                    : symbol.kind().label());
            line.setText("Ln " + (symbol.nameStart().line() + 1));
            var indent = new Insets(0, 0, 0, filtering ? 0 : symbol.depth() * INDENT);
            if (!indent.equals(row.getPadding())) {
                row.setPadding(indent);
            }
            setText(null);
            setGraphic(row);
        }
    }
}
