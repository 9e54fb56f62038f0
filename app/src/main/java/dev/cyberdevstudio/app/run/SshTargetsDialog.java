package dev.cyberdevstudio.app.run;

import atlantafx.base.theme.Styles;
import dev.cyberdevstudio.engine.runs.SshTargets.Field;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.StringProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The "SSH targets" dialog: the configured targets on the left, a form for the chosen or new one on the right. Every
 * change is saved at once (through {@link SshTargetsViewModel}); the dialog only binds.
 */
final class SshTargetsDialog extends Dialog<Void> {

    private final SshTargetsViewModel viewModel;
    private final Map<Field, TextField> inputs = new EnumMap<>(Field.class);

    SshTargetsDialog(SshTargetsViewModel viewModel, Window owner) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("SSH targets");
        setHeaderText("Hosts that SSH runs can use. Passphrases are never saved.");
        setResizable(true);
        getDialogPane().setId("ssh-targets-dialog");
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setContent(content());
        viewModel.load();
    }

    private HBox content() {
        var list = new ListView<>(viewModel.names());
        list.setId("ssh-targets-list");
        list.setPrefSize(180, 260);
        list.setPlaceholder(new Label("No targets yet"));
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, chosen) -> {
            if (chosen != null && !chosen.equals(viewModel.editingProperty().get())) {
                viewModel.edit(chosen);
            }
        });
        viewModel.editingProperty().addListener((observable, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(now);
            }
        });

        var form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow(), new ColumnConstraints());
        int row = 0;
        form.addRow(row++, new Label("Name"), input(Field.NAME, "ssh-target-name", viewModel.nameProperty(),
                "What the target is called in the execution view"));
        form.addRow(row++, new Label("Host"), input(Field.HOST, "ssh-target-host", viewModel.hostProperty(),
                "Host name or address"));
        form.addRow(row++, new Label("Port"), input(Field.PORT, "ssh-target-port", viewModel.portProperty(),
                "Usually 22"));
        form.addRow(row++, new Label("User"), input(Field.USER, "ssh-target-user", viewModel.userProperty(),
                "The user to log in as"));
        form.addRow(row++, new Label("Key file"), input(Field.PRIVATE_KEY, "ssh-target-key",
                viewModel.privateKeyProperty(), "Private key (OpenSSH, PEM or PuTTY); a key with a passphrase is"
                        + " not supported yet"), browse("ssh-target-key-browse", "Choose the private key",
                        Field.PRIVATE_KEY));
        form.addRow(row++, new Label("known_hosts"), input(Field.KNOWN_HOSTS, "ssh-target-known-hosts",
                viewModel.knownHostsProperty(), "Trusted host keys. By default the studio's own file, so that"
                        + " OpenSSH's ~/.ssh/known_hosts is never rewritten"), browse("ssh-target-known-hosts-browse",
                        "Choose the known_hosts file", Field.KNOWN_HOSTS));

        var message = new Label();
        message.setId("ssh-target-message");
        message.setWrapText(true);
        message.setMaxWidth(420);
        message.textProperty().bind(viewModel.messageProperty());
        form.add(message, 0, row++, 3, 1);

        var add = new Button("New", new FontIcon(Material2AL.ADD));
        add.setId("ssh-target-new");
        add.setOnAction(event -> viewModel.newTarget());
        var save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("ssh-target-save");
        save.getStyleClass().add("accent");
        save.setOnAction(event -> viewModel.save());
        var remove = new Button("Remove", new FontIcon(Material2AL.DELETE));
        remove.setId("ssh-target-remove");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(viewModel.editingProperty().isNull());
        remove.setOnAction(event -> viewModel.remove());
        form.add(new HBox(6, add, save, remove), 0, row, 3, 1);

        viewModel.invalidFields().addListener((SetChangeListener<Field>) change -> inputs.forEach((field, input) ->
                input.pseudoClassStateChanged(Styles.STATE_DANGER, viewModel.invalidFields().contains(field))));

        HBox.setHgrow(form, Priority.ALWAYS);
        var box = new HBox(12, list, form);
        box.setPadding(new Insets(8));
        return box;
    }

    private TextField input(Field field, String id, StringProperty property, String tip) {
        var input = new TextField();
        input.setId(id);
        input.setPrefColumnCount(24);
        input.textProperty().bindBidirectional(property);
        input.setTooltip(new Tooltip(tip));
        inputs.put(field, input);
        return input;
    }

    private Button browse(String id, String title, Field field) {
        var button = new Button("Browse…");
        button.setId(id);
        button.setOnAction(event -> {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            var sshFolder = Path.of(System.getProperty("user.home"), ".ssh");
            if (Files.isDirectory(sshFolder)) {
                chooser.setInitialDirectory(sshFolder.toFile());
            }
            File chosen = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                inputs.get(field).setText(chosen.getAbsolutePath());
            }
        });
        return button;
    }

    private static ColumnConstraints grow() {
        var column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
