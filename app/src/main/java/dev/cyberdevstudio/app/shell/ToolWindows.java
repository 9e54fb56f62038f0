package dev.cyberdevstudio.app.shell;

import dev.cyberdevstudio.app.admin.AdminPane;
import dev.cyberdevstudio.app.admin.AdminViewModel;
import dev.cyberdevstudio.app.admin.FxAdminDialogs;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.app.playground.PlaygroundPane;
import dev.cyberdevstudio.engine.LocalEngine;
import dev.cyberdevstudio.engine.models.LocalModels;
import dev.cyberdevstudio.models.library.InstalledModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The windows beside the editor: the LLM playground and the admin pane. Each is built the first time it is asked
 * for and kept (closing only hides it), so a run streaming in the playground survives closing its window. Opening
 * the models folder and starting the runtime happen off the FX thread; the window says so while they do.
 */
final class ToolWindows implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ToolWindows.class);

    private final Stage owner;
    private final LocalEngine engine;
    private final TaskExecutor executor;
    private final Map<String, Stage> stages = new HashMap<>();
    private AdminViewModel admin;

    ToolWindows(Stage owner, LocalEngine engine, TaskExecutor executor) {
        this.owner = owner;
        this.engine = engine;
        this.executor = executor;
    }

    void showPlayground() {
        show("playground", "LLM Playground", 1100, 760, models -> {
            var pane = PlaygroundPane.create(models.runtime(),
                () -> models.installed().stream().filter(InstalledModel::usable).map(InstalledModel::file).toList(),
                engine.tokenLedger(), engine.playgroundHistory(), engine.settings(), executor);
            models.addLibraryListener(() -> executor.runOnUi(pane.viewModel()::refreshModels));
            return pane;
        });
    }

    void showAdmin() {
        show("admin", "Admin", 1200, 800, models -> {
            admin = new AdminViewModel(executor, models, engine.systemMonitor(), engine.tokenLedger(),
                new FxAdminDialogs(() -> stages.get("admin")));
            admin.start();
            return new AdminPane(admin);
        });
    }

    Window window(String key) {
        return stages.get(key);
    }

    private void show(String key, String title, double width, double height, Function<LocalModels, Parent> build) {
        var existing = stages.get(key);
        if (existing != null) {
            existing.show();
            existing.toFront();
            return;
        }
        var waiting = new Label("Opening the models folder…");
        var root = new StackPane(waiting);
        root.setId("tool-" + key);
        StackPane.setAlignment(waiting, Pos.CENTER);
        var stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle(title + " — CyberDevStudio");
        stage.setScene(new Scene(root, width, height));
        stages.put(key, stage);
        stage.show();
        executor.submit(engine::models, models -> root.getChildren().setAll(build.apply(models)), error -> {
            LOG.warn("Could not open the {} window", key, error);
            waiting.setText(title + " cannot open: " + error.getMessage());
            waiting.getStyleClass().add("danger");
        });
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        var open = List.copyOf(stages.values());
        if (Platform.isFxApplicationThread()) {
            open.forEach(Stage::close);
        } else {
            Platform.runLater(() -> open.forEach(Stage::close));
        }
    }
}
