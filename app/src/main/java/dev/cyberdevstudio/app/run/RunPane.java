package dev.cyberdevstudio.app.run;

import dev.cyberdevstudio.app.terminal.TerminalPalette;
import dev.cyberdevstudio.engine.runs.RunRecord;
import dev.cyberdevstudio.engine.runs.RunRequest;
import dev.cyberdevstudio.sandbox.run.Isolation;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The execution view: choose an engine (process, WASM, an SSH target), type a command or run the current file, watch
 * stdout and stderr stream in colour, kill, rerun, save the output, and browse the history of runs. The isolation of
 * every run is shown beside it.
 *
 * <pre>{@code
 * var viewModel = new RunViewModel(runService, executor, projectRoot);
 * var pane = new RunPane(viewModel);
 * }</pre>
 *
 * The pane only binds to its {@link RunViewModel}; the view model talks to the engine.
 */
public final class RunPane extends BorderPane {

    private static final String STYLESHEET = Objects.requireNonNull(
            RunPane.class.getResource("run-pane.css"), "run-pane.css").toExternalForm();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private static final List<String> STATE_CLASSES = List.of("run-state-idle", "run-state-running",
            "run-state-succeeded", "run-state-failed", "run-state-stopped");

    private static final List<String> ISOLATION_CLASSES = List.of("run-isolated", "run-reduced", "run-remote");

    private final RunViewModel viewModel;
    private final Function<Window, Optional<Path>> saveChooser;
    private final RunOutputView output;
    private final ListView<RunRecord> historyList = new ListView<>();

    public RunPane(RunViewModel viewModel) {
        this(viewModel, TerminalPalette.defaults(), null);
    }

    /**
     * @param palette     the theme's terminal palette, for the 16 ANSI colours
     * @param saveChooser asks where to save the output; null for the platform's file chooser
     */
    public RunPane(RunViewModel viewModel, TerminalPalette palette, Function<Window, Optional<Path>> saveChooser) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.saveChooser = saveChooser != null ? saveChooser : this::chooseFile;
        this.output = new RunOutputView(RunViewModel.DEFAULT_MAX_LINES, palette);
        getStyleClass().add("run-pane");
        getStylesheets().add(STYLESHEET);
        setTop(toolbar());
        setCenter(body());
        setBottom(statusLine());
        viewModel.setOutputSink(output::accept);
        viewModel.refresh();
    }

    /** Paints output from now on with {@code palette}'s ANSI colours: call it when the theme changes. */
    public void applyPalette(TerminalPalette palette) {
        output.setPalette(palette);
    }

    /** The output view's text, for tests and the "copy all" of later menus. */
    public String outputText() {
        return output.text();
    }

    RunOutputView outputView() {
        return output;
    }

    ListView<RunRecord> historyList() {
        return historyList;
    }

    private HBox toolbar() {
        var engine = new ComboBox<RunRequest.Kind>();
        engine.setId("run-engine");
        engine.getItems().setAll(RunRequest.Kind.values());
        engine.valueProperty().bindBidirectional(viewModel.engineProperty());
        engine.setConverter(new StringConverter<>() {
            @Override
            public String toString(RunRequest.Kind kind) {
                return kind == null ? "" : kind.label();
            }

            @Override
            public RunRequest.Kind fromString(String text) {
                return null;
            }
        });
        engine.setTooltip(new Tooltip("Where the command runs: a sandboxed process, a WASM module, or an SSH target"));

        var target = new ComboBox<String>(viewModel.sshTargets());
        target.setId("run-ssh-target");
        target.setPromptText("SSH target");
        target.valueProperty().bindBidirectional(viewModel.sshTargetProperty());
        var ssh = viewModel.engineProperty().isEqualTo(RunRequest.Kind.SSH);
        target.visibleProperty().bind(ssh);
        target.managedProperty().bind(ssh);

        var editTargets = button("run-ssh-targets", "SSH targets…", Material2AL.EDIT,
                "Add, change or remove the hosts SSH runs can use");
        var canEdit = ssh.and(viewModel.sshTargetsEditorProperty().isNotNull());
        editTargets.visibleProperty().bind(canEdit);
        editTargets.managedProperty().bind(canEdit);
        editTargets.setOnAction(event -> showSshTargets());

        var command = new TextField();
        command.setId("run-command");
        command.textProperty().bindBidirectional(viewModel.commandLineProperty());
        command.promptTextProperty().bind(viewModel.engineProperty().map(kind -> switch (kind) {
            case PROCESS -> "Command, e.g. make test or sh -c 'ls | wc -l'";
            case WASM -> "Module and arguments, e.g. build/app.wasm --help or lib.wasm#add 2 3";
            case SSH -> "Command to run on the target";
        }));
        command.setOnAction(event -> viewModel.run());
        HBox.setHgrow(command, Priority.ALWAYS);

        var run = button("run-button", "Run", Material2MZ.PLAY_ARROW,
                "Run the command (Enter); stops the run that is going first");
        run.getStyleClass().add("accent");
        run.setOnAction(event -> viewModel.run());
        var runFile = button("run-file", "Run file", Material2AL.INSERT_DRIVE_FILE,
                "Run the file open in the editor (.py, .sh, .js, .java, .wasm)");
        runFile.setOnAction(event -> viewModel.runCurrentFile());
        var kill = button("run-kill", "Kill", Material2MZ.STOP, "Stop the run and everything it started");
        kill.getStyleClass().add("danger");
        kill.disableProperty().bind(viewModel.runningProperty().not());
        kill.setOnAction(event -> viewModel.kill());
        var rerun = button("run-rerun", "Rerun", Material2MZ.REPLAY,
                "Run the run on show again; stops the run that is going first");
        rerun.disableProperty().bind(viewModel.canRerunProperty().not());
        rerun.setOnAction(event -> viewModel.rerun());
        var save = button("run-save", "Save output…", Material2MZ.SAVE_ALT, "Save the output on show as plain text");
        save.disableProperty().bind(viewModel.shownRunProperty().isNull());
        save.setOnAction(event -> saveChooser.apply(getScene() == null ? null : getScene().getWindow())
                .ifPresent(viewModel::saveOutput));

        var bar = new HBox(6, engine, target, editTargets, command, run, runFile, new Separator(Orientation.VERTICAL),
                kill, rerun, save);
        bar.getStyleClass().add("run-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    /** Opens the SSH targets dialog; it is not modal to the runs, and changes reach the target list at once. */
    void showSshTargets() {
        var editor = viewModel.sshTargetsEditorProperty().get();
        if (editor != null) {
            editor.newTarget();
            new SshTargetsDialog(editor, getScene() == null ? null : getScene().getWindow()).show();
        }
    }

    private SplitPane body() {
        var title = new Label();
        title.setId("run-title");
        title.getStyleClass().add("run-title");
        title.textProperty().bind(viewModel.titleProperty().map(text -> text.isEmpty() ? "No run yet" : "$ " + text));
        title.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(output, Priority.ALWAYS);
        var left = new VBox(title, output);
        left.getStyleClass().add("run-output-panel");

        var heading = new Label("History");
        heading.getStyleClass().add("run-history-heading");
        historyList.setId("run-history");
        historyList.getStyleClass().add("run-history");
        historyList.setItems(viewModel.history());
        historyList.setPlaceholder(new Label("Runs appear here once they end."));
        historyList.setCellFactory(list -> new HistoryCell());
        historyList.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null && !selected.id().equals(viewModel.shownRunProperty().get())) {
                viewModel.show(selected);
            }
        });
        var runAgain = new MenuItem("Run again");
        runAgain.setOnAction(event -> {
            var selected = historyList.getSelectionModel().getSelectedItem();
            if (selected != null) {
                viewModel.show(selected);
                viewModel.rerun();
            }
        });
        historyList.setContextMenu(new ContextMenu(runAgain));
        VBox.setVgrow(historyList, Priority.ALWAYS);
        var right = new VBox(heading, historyList);
        right.getStyleClass().add("run-history-panel");

        var split = new SplitPane(left, right);
        split.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(right, false);
        return split;
    }

    private VBox statusLine() {
        var state = new Label();
        state.setId("run-outcome");
        state.getStyleClass().add("run-outcome");
        state.textProperty().bind(viewModel.outcomeProperty());
        viewModel.stateProperty().subscribe(now -> {
            state.getStyleClass().removeAll(STATE_CLASSES);
            state.getStyleClass().add("run-state-" + now.name().toLowerCase(Locale.ROOT));
            state.setGraphic(switch (now) {
                case RUNNING -> new FontIcon(Material2MZ.PLAY_CIRCLE_OUTLINE);
                case SUCCEEDED -> new FontIcon(Material2AL.CHECK_CIRCLE_OUTLINE);
                case FAILED -> new FontIcon(Material2AL.ERROR_OUTLINE);
                case STOPPED -> new FontIcon(Material2MZ.STOP_CIRCLE);
                case IDLE -> null;
            });
        });
        var details = new Label();
        details.setId("run-details");
        details.getStyleClass().add("run-details");
        details.textProperty().bind(viewModel.detailsProperty());

        var badge = new Label();
        badge.setId("run-isolation");
        badge.getStyleClass().add("run-isolation");
        badge.textProperty().bind(viewModel.isolationBadgeProperty());
        badge.visibleProperty().bind(viewModel.isolationBadgeProperty().isNotEmpty());
        viewModel.isolationProperty().subscribe(isolation -> {
            badge.getStyleClass().removeAll(ISOLATION_CLASSES);
            if (isolation != null) {
                badge.getStyleClass().add(isolationClass(isolation.level()));
                badge.setGraphic(new FontIcon(switch (isolation.level()) {
                    case ISOLATED -> Material2MZ.SECURITY;
                    case REDUCED -> Material2MZ.WARNING;
                    case REMOTE -> Material2AL.CLOUD_QUEUE;
                }));
                badge.setTooltip(new Tooltip(isolation.summary()));
            }
        });
        // The outcome and numbers always show whole; a long isolation summary gives way (its tooltip has it all).
        state.setMinWidth(Region.USE_PREF_SIZE);
        details.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(120);

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var status = new HBox(12, state, details, spacer, badge);
        status.setAlignment(Pos.CENTER_LEFT);
        status.getStyleClass().add("run-status");

        var message = new Label();
        message.setId("run-message");
        message.getStyleClass().add("run-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        var bottom = new VBox(4, message, status);
        bottom.setPadding(new Insets(4, 8, 6, 8));
        return bottom;
    }

    private static String isolationClass(Isolation.Level level) {
        return switch (level) {
            case ISOLATED -> "run-isolated";
            case REDUCED -> "run-reduced";
            case REMOTE -> "run-remote";
        };
    }

    private static Button button(String id, String text, Ikon icon, String tip) {
        var button = new Button(text, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private Optional<Path> chooseFile(Window owner) {
        var chooser = new FileChooser();
        chooser.setTitle("Save the run's output");
        chooser.setInitialFileName("run-output.txt");
        var root = viewModel.projectRootProperty().get();
        if (root != null && root.toFile().isDirectory()) {
            chooser.setInitialDirectory(root.toFile());
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    /** A past run: what ran, how it ended, when, and its isolation as a coloured mark. */
    private static final class HistoryCell extends ListCell<RunRecord> {

        private final Label what = new Label();
        private final Label how = new Label();
        private final VBox box = new VBox(2, what, how);

        HistoryCell() {
            // Without a preferred width of its own the cell takes the list's, and long commands end in "…".
            setPrefWidth(0);
            what.getStyleClass().add("run-history-what");
            how.getStyleClass().add("run-history-how");
            box.getStyleClass().add("run-history-cell");
        }

        @Override
        protected void updateItem(RunRecord run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            what.setText(run.description());
            what.getStyleClass().removeAll(ISOLATION_CLASSES);
            what.getStyleClass().add(isolationClass(run.isolation().level()));
            how.setText(run.request().kind().label() + " · " + run.result().outcome().describe() + " · "
                    + RunFormats.duration(run.result().wallTime()) + " · " + WHEN.format(run.startedAt()));
            setTooltip(new Tooltip(RunFormats.badge(run.isolation())));
            setText(null);
            setGraphic(box);
        }
    }
}
