package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.Diagnostic;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the mouse rests on (or the caret, with Ctrl+Q): the problems reported there and the server's hover text,
 * in a popup beside the text. The problems show at once; the hover text joins them when the server answers.
 */
final class HoverController {

    static final Duration REST_DELAY = Duration.ofMillis(500);

    private final LanguageFeatures features;
    private final CodeArea area;
    private final Popup popup = new Popup();
    private final VBox content = new VBox(6);
    private long sequence;

    HoverController(LanguageFeatures features, CodeArea area) {
        this.features = features;
        this.area = area;
        content.setId("lsp-hover");
        content.getStyleClass().add("lsp-hover");
        content.setMaxWidth(640);
        popup.getContent().add(content);
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        if (area.getMouseOverTextDelay() == null) {
            area.setMouseOverTextDelay(REST_DELAY);
        }
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN,
                event -> showAt(event.getCharacterIndex(), event.getScreenPosition()));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, event -> hide());
    }

    /** Shows what is known about the text at the caret, just under it. */
    void showAtCaret() {
        area.getCaretBounds().ifPresent(bounds ->
                showAt(area.getCaretPosition(), new Point2D(bounds.getMinX(), bounds.getMaxY())));
    }

    void showAt(int offset, Point2D screen) {
        long asked = ++sequence;
        var problems = features.diagnosticsAt(offset);
        content.getChildren().setAll(problems.stream().map(HoverController::problem).toList());
        place(screen);
        TextPosition at = features.positionOf(offset);
        features.ask(service -> service.hover(features.path(), at), text -> answered(asked, text, screen), null);
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** The popup's labels' text, for tests. */
    List<String> shownTexts() {
        return content.getChildren().stream().map(node -> node instanceof Label label ? label.getText() : "")
                .toList();
    }

    void hide() {
        sequence++;
        popup.hide();
    }

    private void answered(long asked, Optional<String> text, Point2D screen) {
        if (asked != sequence || text.isEmpty() || text.get().isBlank()) {
            return;
        }
        for (var block : HoverText.blocks(text.get())) {
            var label = new Label(block.text());
            label.getStyleClass().add(block.code() ? "lsp-hover-code" : "lsp-hover-text");
            label.setWrapText(!block.code());
            label.setMaxWidth(620);
            content.getChildren().add(label);
        }
        place(screen);
    }

    private void place(Point2D screen) {
        if (content.getChildren().isEmpty()) {
            popup.hide();
            return;
        }
        PopupStyles.follow(content, area);
        if (popup.isShowing()) {
            popup.setX(screen.getX());
            popup.setY(screen.getY() + 4);
        } else if (area.getScene() != null && area.getScene().getWindow() != null) {
            popup.show(area, screen.getX(), screen.getY() + 4);
        }
    }

    private static Node problem(Diagnostic diagnostic) {
        var severity = diagnostic.severity().name().toLowerCase(Locale.ROOT);
        var text = diagnostic.message() + (diagnostic.source().isBlank() ? "" : "  (" + diagnostic.source() + ")");
        var label = new Label(text, new FontIcon(Severities.icon(diagnostic.severity())));
        label.getStyleClass().addAll("lsp-hover-problem", "lsp-severity-" + severity);
        label.setWrapText(true);
        label.setMaxWidth(620);
        return label;
    }
}
