package dev.cyberdevstudio.app.diff;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Shows a {@link DiffView} in a window of its own. The theme manager styles it like every new window. */
public final class DiffWindow {

    private DiffWindow() {
    }

    public static Stage show(Window owner, DiffView view) {
        var stage = new Stage();
        stage.initOwner(owner);
        stage.titleProperty().bind(view.viewModel().titleProperty().concat(" \u2014 Diff"));
        stage.setScene(new Scene(view, 1100, 700));
        stage.show();
        return stage;
    }
}
