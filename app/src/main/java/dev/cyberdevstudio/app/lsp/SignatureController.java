package dev.cyberdevstudio.app.lsp;

import dev.cyberdevstudio.engine.lsp.SignatureHelp;
import dev.cyberdevstudio.engine.lsp.TextPosition;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Popup;
import org.fxmisc.richtext.CodeArea;

/**
 * Parameter info: after '(' or ',' (or Ctrl+Shift+Space) the signature of the call around the caret shows above it,
 * the parameter being typed in bold. ')' , Esc or leaving the line closes it.
 */
final class SignatureController {

    private final LanguageFeatures features;
    private final CodeArea area;
    private final Popup popup = new Popup();
    private final TextFlow signature = new TextFlow();
    private final Label documentation = new Label();
    private final VBox box;
    private long sequence;
    private int paragraph = -1;

    SignatureController(LanguageFeatures features, CodeArea area) {
        this.features = features;
        this.area = area;
        signature.getStyleClass().add("lsp-signature-text");
        documentation.getStyleClass().add("lsp-signature-doc");
        documentation.setWrapText(true);
        documentation.setMaxWidth(560);
        box = new VBox(4, signature, documentation);
        box.setId("lsp-signature");
        box.getStyleClass().add("lsp-signature");
        box.setMaxWidth(600);
        popup.getContent().add(box);
        popup.setAutoHide(true);
        popup.setHideOnEscape(false);
    }

    void typed(char character) {
        switch (character) {
            case '(', ',' -> request();
            case ')' -> hide();
            default -> { }
        }
    }

    void request() {
        long asked = ++sequence;
        paragraph = area.getCurrentParagraph();
        var at = new TextPosition(paragraph, area.getCaretColumn());
        features.ask(service -> service.signatureHelp(features.path(), at), help -> answered(asked, help), null);
    }

    void caretMoved() {
        if (popup.isShowing() && area.getCurrentParagraph() != paragraph) {
            hide();
        }
    }

    boolean isShowing() {
        return popup.isShowing();
    }

    /** The signature's text as shown, for tests. */
    String shownText() {
        var text = new StringBuilder();
        signature.getChildren().forEach(node -> text.append(((Text) node).getText()));
        return text.toString();
    }

    /** The bold part, for tests. */
    Optional<String> activeText() {
        return signature.getChildren().stream().filter(node -> node.getStyleClass().contains("lsp-signature-active"))
                .map(node -> ((Text) node).getText()).findFirst();
    }

    void hide() {
        sequence++;
        popup.hide();
    }

    private void answered(long asked, Optional<SignatureHelp> help) {
        if (asked != sequence || area.getCurrentParagraph() != paragraph) {
            return;
        }
        var caret = area.getCaretBounds();
        if (help.isEmpty() || help.get().label().isBlank() || caret.isEmpty()) {
            popup.hide();
            return;
        }
        show(help.get());
        PopupStyles.follow(box, area);
        var bounds = caret.get();
        if (!popup.isShowing()) {
            popup.show(area, bounds.getMinX(), bounds.getMinY());
        }
        // Above the line, so that the completion list below the caret stays free.
        popup.setX(bounds.getMinX());
        popup.setY(bounds.getMinY() - popup.getHeight() - 2);
    }

    private void show(SignatureHelp help) {
        var label = help.label();
        int[] active = activeRange(label, help.parameters(), help.activeParameter());
        var parts = active == null ? List.of(plain(label))
                : List.of(plain(label.substring(0, active[0])), bold(label.substring(active[0], active[1])),
                        plain(label.substring(active[1])));
        signature.getChildren().setAll(parts);
        var doc = help.documentation().strip();
        documentation.setText(doc);
        documentation.setVisible(!doc.isEmpty());
        documentation.setManaged(!doc.isEmpty());
    }

    /** Where the active parameter's label is in the signature: searched after the opening parenthesis. */
    static int[] activeRange(String label, List<String> parameters, int active) {
        if (active < 0 || active >= parameters.size() || parameters.get(active).isEmpty()) {
            return null;
        }
        int from = Math.max(0, label.indexOf('('));
        for (int i = 0; i < active; i++) {
            int earlier = label.indexOf(parameters.get(i), from);
            if (earlier >= 0) {
                from = earlier + parameters.get(i).length();
            }
        }
        int start = label.indexOf(parameters.get(active), from);
        if (start < 0) {
            start = label.indexOf(parameters.get(active));
        }
        return start < 0 ? null : new int[] {start, start + parameters.get(active).length()};
    }

    private static Text plain(String text) {
        var node = new Text(text);
        node.getStyleClass().add("lsp-signature-part");
        return node;
    }

    private static Text bold(String text) {
        var node = new Text(text);
        node.getStyleClass().addAll("lsp-signature-part", "lsp-signature-active");
        return node;
    }
}
