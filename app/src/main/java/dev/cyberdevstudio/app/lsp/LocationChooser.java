package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.fxmisc.richtext.CodeArea;

/** A small menu at the caret to pick one of several definitions. */
final class LocationChooser {

    private final ContextMenu menu = new ContextMenu();

    LocationChooser() {
        menu.setId("lsp-location-chooser");
        menu.getStyleClass().add("lsp-location-chooser");
    }

    void show(CodeArea area, List<SourceLocation> locations, Consumer<SourceLocation> chosen) {
        menu.getItems().setAll(locations.stream().map(location -> item(location, chosen)).toList());
        var caret = area.getCaretBounds();
        if (caret.isPresent()) {
            menu.show(area, caret.get().getMinX(), caret.get().getMaxY());
        } else {
            var bounds = area.localToScreen(area.getBoundsInLocal());
            menu.show(area, bounds.getMinX() + 20, bounds.getMinY() + 20);
        }
    }

    boolean isShowing() {
        return menu.isShowing();
    }

    List<MenuItem> items() {
        return List.copyOf(menu.getItems());
    }

    void hide() {
        menu.hide();
    }

    private static MenuItem item(SourceLocation location, Consumer<SourceLocation> chosen) {
        var file = location.file();
        var parent = file.getParent() == null ? "" : "   " + shortFolder(file.getParent());
        var item = new MenuItem(LanguageSupport.fileName(file) + ":" + (location.span().start().line() + 1)
                + parent);
        item.setOnAction(event -> chosen.accept(location));
        return item;
    }

    private static String shortFolder(Path folder) {
        int count = folder.getNameCount();
        return count <= 2 ? folder.toString() : "…/" + folder.subpath(count - 2, count);
    }
}
