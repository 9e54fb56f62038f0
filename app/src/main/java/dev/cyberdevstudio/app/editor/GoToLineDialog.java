package dev.cyberdevstudio.app.editor;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Asks for "line" or "line:column". The answer is checked and clamped by {@link DocumentViewModel#goToLine(String)},
 * so the dialog accepts any text.
 */
public final class GoToLineDialog extends Dialog<String> {

    public GoToLineDialog(int currentLine, int lineCount) {
        setTitle("Go to Line");
        setHeaderText("Go to line 1–" + lineCount);
        var field = new TextField(String.valueOf(currentLine));
        field.setId("go-to-line-input");
        field.setPromptText("line[:column]");
        var hint = new Label("Type a line, or line:column such as 42:7.");
        getDialogPane().setContent(new VBox(8, field, hint));
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> button == ButtonType.OK ? field.getText() : null);
        // The dialog puts the focus on its default button once shown; take it back on the next pulse.
        addEventHandler(DialogEvent.DIALOG_SHOWN, event -> Platform.runLater(() -> {
            field.requestFocus();
            field.selectAll();
        }));
    }
}
