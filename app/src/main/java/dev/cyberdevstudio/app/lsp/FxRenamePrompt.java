package dev.cyberdevstudio.app.lsp;

import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/** Asks for the new name in a small dialog that starts with the current name selected. */
public final class FxRenamePrompt implements RenamePrompt {

    @Override
    public Optional<String> askNewName(Window owner, String currentName) {
        var dialog = new TextInputDialog(currentName);
        dialog.setTitle("Rename Symbol");
        dialog.setHeaderText("Rename " + currentName + " everywhere it is used");
        dialog.setContentText("New name:");
        dialog.getDialogPane().getStyleClass().add("lsp-rename-dialog");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setOnShown(event -> dialog.getEditor().selectAll());
        return dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty());
    }
}
