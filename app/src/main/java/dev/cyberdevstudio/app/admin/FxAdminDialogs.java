package dev.cyberdevstudio.app.admin;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The admin pane's questions as JavaFX alerts over the studio window. */
public final class FxAdminDialogs implements AdminDialogs {

    private final Supplier<Window> owner;

    public FxAdminDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmDelete(String fileName, String size) {
        var delete = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);
        var alert = new Alert(Alert.AlertType.CONFIRMATION,
            "Delete " + fileName + " (" + size + ") from the models folder? Downloading it again takes time.",
            delete, ButtonType.CANCEL);
        alert.setTitle("Delete model");
        alert.setHeaderText("Delete " + fileName + "?");
        var window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        return alert.showAndWait().filter(delete::equals).isPresent();
    }
}
