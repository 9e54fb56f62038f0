package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.models.catalog.ModelRole;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The admin pane's questions as JavaFX alerts and dialogs over the studio window. */
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

    @Override
    public Optional<Path> chooseModelFile() {
        var chooser = new FileChooser();
        chooser.setTitle("Add a model file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("GGUF models (*.gguf)", "*.gguf"),
            new FileChooser.ExtensionFilter("All files", "*.*"));
        return Optional.ofNullable(chooser.showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public void askModelUrl(Function<ModelUrlForm, CompletableFuture<Optional<String>>> add) {
        var dialog = new Dialog<ButtonType>();
        dialog.setTitle("Add a model by URL");
        dialog.setHeaderText("Add a GGUF model from a URL to the catalog");
        var addButton = new ButtonType("Add", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(addButton, ButtonType.CANCEL);
        dialog.getDialogPane().setId("admin-add-url-dialog");

        var url = field("admin-add-url-field", "https://…/model-q4_k_m.gguf");
        var name = field("admin-add-name-field", "Shown as the file name when empty");
        var role = new ChoiceBox<ModelRole>();
        role.setId("admin-add-role-field");
        role.getItems().setAll(ModelRole.values());
        role.setValue(ModelRole.CHAT);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelRole value) {
                return value == null ? "" : Roles.label(value);
            }

            @Override
            public ModelRole fromString(String text) {
                return null;
            }
        });
        var sha256 = field("admin-add-sha256-field", "Optional: the published SHA-256");
        var size = field("admin-add-size-field", "Optional: the size in bytes");
        var problem = new Label();
        problem.setId("admin-add-problem");
        problem.getStyleClass().addAll("admin-message", "error");
        problem.setWrapText(true);
        problem.setMaxWidth(460);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        var grid = new GridPane(8, 8);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("URL"), url);
        grid.addRow(1, new Label("Name"), name);
        grid.addRow(2, new Label("Role"), role);
        grid.addRow(3, new Label("SHA-256"), sha256);
        grid.addRow(4, new Label("Size"), size);
        grid.add(problem, 0, 5, 2, 1);
        GridPane.setHgrow(url, Priority.ALWAYS);
        dialog.getDialogPane().setContent(grid);

        var ok = dialog.getDialogPane().lookupButton(addButton);
        ok.disableProperty().bind(url.textProperty().isEmpty());
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            // Stay open until the model is in the catalog; show why it is not.
            event.consume();
            ok.disableProperty().unbind();
            ok.setDisable(true);
            problem.setText("");
            add.apply(new ModelUrlForm(url.getText(), name.getText(), role.getValue(), sha256.getText(),
                size.getText())).whenComplete((result, failure) -> onFx(() -> {
                    ok.disableProperty().bind(url.textProperty().isEmpty());
                    var text = failure != null ? ModelsViewModel.reason(failure) : result.orElse("");
                    if (text.isEmpty()) {
                        dialog.setResult(addButton);
                        dialog.close();
                    } else {
                        problem.setText(text);
                    }
                }));
        });
        var window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.show();
        url.requestFocus();
    }

    private static TextField field(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(32);
        return field;
    }

    private static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
