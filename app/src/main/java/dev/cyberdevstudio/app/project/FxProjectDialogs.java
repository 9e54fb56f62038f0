package dev.cyberdevstudio.app.project;

import dev.cyberdevstudio.engine.project.ProjectFiles;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** {@link ProjectDialogs} as modal JavaFX dialogs over the studio's window. */
public final class FxProjectDialogs implements ProjectDialogs {

    /** The button that confirms a deletion; Cancel stays the default so that Enter does not delete. */
    public static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    private final Window owner;

    /** Dialogs centred on {@code owner}. */
    public FxProjectDialogs(Window owner) {
        this.owner = owner;
    }

    /** Dialogs with no owner window, for when the studio has none yet. */
    public FxProjectDialogs() {
        this(null);
    }

    @Override
    public Optional<String> askName(String title, String prompt, String initialName) {
        var dialog = new TextInputDialog(initialName);
        prepare(dialog, title);
        dialog.setHeaderText(prompt);
        dialog.setContentText("Name:");
        var problem = new Label();
        problem.getStyleClass().add("project-dialog-problem");
        var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
        dialog.getEditor().textProperty().addListener((property, old, text) -> {
            var invalid = ProjectFiles.checkName(text);
            ok.setDisable(invalid.isPresent());
            problem.setText(text.isEmpty() ? "" : invalid.orElse(""));
        });
        ok.setDisable(ProjectFiles.checkName(initialName).isPresent());
        dialog.getDialogPane().setGraphic(null);
        var content = dialog.getDialogPane().getContent();
        dialog.getDialogPane().setContent(new VBox(8, content, problem));
        // Select the base name, so that typing replaces it and keeps the extension. Later than the dialog's own
        // focus handling, which selects everything.
        dialog.setOnShown(event -> Platform.runLater(() -> {
            var editor = dialog.getEditor();
            editor.requestFocus();
            var dot = initialName.lastIndexOf('.');
            editor.selectRange(0, dot > 0 ? dot : initialName.length());
        }));
        return dialog.showAndWait().map(String::strip);
    }

    @Override
    public boolean confirmDelete(Path path, boolean folder) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "", DELETE, ButtonType.CANCEL);
        prepare(alert, "Delete");
        alert.setHeaderText("Delete " + path.getFileName() + "?");
        alert.setContentText(folder
                ? "The folder " + path + " and everything in it will be deleted."
                : "The file " + path + " will be deleted.");
        ((Button) alert.getDialogPane().lookupButton(DELETE)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(DELETE::equals).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        var alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        prepare(alert, title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    private void prepare(Dialog<?> dialog, String title) {
        dialog.setTitle(title);
        dialog.getDialogPane().getStyleClass().add("project-dialog");
        if (owner != null) {
            dialog.initOwner(owner);
        }
    }
}
