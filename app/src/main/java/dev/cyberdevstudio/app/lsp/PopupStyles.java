package dev.cyberdevstudio.app.lsp;

import java.util.ArrayList;
import javafx.scene.Node;
import javafx.scene.Parent;

/**
 * Gives a popup's content the theme of the window it opens over. A plain {@code Popup} is a scene of its own that
 * does not inherit the owner's style sheets, so the theme's colour tokens (declared on {@code .root}) would be
 * missing there: the content takes the owner's sheets and the {@code root} class, once per showing so that a theme
 * switched meanwhile is followed.
 */
final class PopupStyles {

    private PopupStyles() {
    }

    static void follow(Parent content, Node owner) {
        if (!content.getStyleClass().contains("root")) {
            content.getStyleClass().add(0, "root");
        }
        var scene = owner.getScene();
        var sheets = new ArrayList<String>();
        if (scene != null) {
            sheets.addAll(scene.getStylesheets());
        }
        sheets.add(LanguageFeatures.STYLESHEET);
        if (!content.getStylesheets().equals(sheets)) {
            content.getStylesheets().setAll(sheets);
        }
    }
}
