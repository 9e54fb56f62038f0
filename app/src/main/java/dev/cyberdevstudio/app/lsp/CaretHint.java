package dev.cyberdevstudio.app.lsp;

import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;

/** A short line under the caret ("No definition found for x") that goes away by itself or at the next key. */
final class CaretHint {

    private static final Duration SHOWN_FOR = Duration.seconds(4);

    private final CodeArea area;
    private final Popup popup = new Popup();
    private final Label text = new Label();
    private final PauseTransition timer = new PauseTransition(SHOWN_FOR);

    CaretHint(CodeArea area) {
        this.area = area;
        text.setId("lsp-hint");
        text.getStyleClass().add("lsp-hint");
        text.setWrapText(true);
        text.setMaxWidth(560);
        popup.getContent().add(text);
        popup.setAutoHide(true);
        timer.setOnFinished(event -> popup.hide());
    }

    void show(String message) {
        var caret = area.getCaretBounds();
        if (caret.isEmpty() || area.getScene() == null || area.getScene().getWindow() == null) {
            return;
        }
        text.setText(message);
        PopupStyles.follow(text, area);
        var bounds = caret.get();
        if (popup.isShowing()) {
            popup.setX(bounds.getMinX());
            popup.setY(bounds.getMaxY() + 2);
        } else {
            popup.show(area, bounds.getMinX(), bounds.getMaxY() + 2);
        }
        timer.playFromStart();
    }

    void hide() {
        timer.stop();
        popup.hide();
    }
}
