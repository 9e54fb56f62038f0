package dev.cyberdevstudio.app.playground;

import atlantafx.base.theme.Styles;
import dev.cyberdevstudio.app.concurrent.TaskExecutor;
import dev.cyberdevstudio.engine.playground.PlaygroundHistory;
import dev.cyberdevstudio.engine.playground.StoredRun;
import dev.cyberdevstudio.engine.store.Settings;
import dev.cyberdevstudio.engine.usage.TokenLedger;
import dev.cyberdevstudio.llm.GenerationOutcome;
import dev.cyberdevstudio.llm.LlmRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The LLM playground, built in code: model picker and Run/Stop on top; prompts, streamed output and its numbers in
 * the middle; sampling, price and the history of runs on the right. It only binds to its
 * {@link PlaygroundViewModel}.
 *
 * <pre>{@code
 * var pane = PlaygroundPane.create(runtime, installedModelFiles, engine.tokenLedger(), engine.playgroundHistory(),
 *         engine.settings(), executor);
 * tab.setContent(pane);
 * }</pre>
 */
public final class PlaygroundPane extends BorderPane {

    private static final String STYLESHEET = Objects.requireNonNull(
            PlaygroundPane.class.getResource("playground.css"), "playground.css").toExternalForm();

    private static final PseudoClass NEARLY_FULL = PseudoClass.getPseudoClass("nearly-full");

    private final PlaygroundViewModel viewModel;
    private final TextArea output = new TextArea();
    private final ListView<StoredRun> history = new ListView<>();
    // Spinners bind through object views of the number properties; bidirectional bindings hold them weakly.
    private final ObjectProperty<Integer> topK;
    private final ObjectProperty<Integer> maxTokens;
    private final ObjectProperty<Double> price;

    public PlaygroundPane(PlaygroundViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.topK = viewModel.topKProperty().asObject();
        this.maxTokens = viewModel.maxTokensProperty().asObject();
        this.price = viewModel.pricePer1kTokensProperty().asObject();
        getStyleClass().addAll("playground", "studio-panel");
        getStylesheets().add(STYLESHEET);
        setTop(toolbar());
        var split = new SplitPane(workArea(), sidebar());
        split.setDividerPositions(0.68);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        setCenter(split);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN).match(event)) {
                viewModel.run();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE && viewModel.canStopProperty().get()) {
                viewModel.stop();
                event.consume();
            }
        });
    }

    /** The pane and its view model from what the local engine gives; starts listing models and history. */
    public static PlaygroundPane create(LlmRuntime runtime, Supplier<List<Path>> installedModels, TokenLedger ledger,
                                        PlaygroundHistory history, Settings settings, TaskExecutor executor) {
        var viewModel = new PlaygroundViewModel(runtime, installedModels, ledger, history, settings, executor);
        var pane = new PlaygroundPane(viewModel);
        viewModel.start();
        return pane;
    }

    public PlaygroundViewModel viewModel() {
        return viewModel;
    }

    // ---- top

    private Node toolbar() {
        var picker = new ComboBox<ModelChoice>(viewModel.models());
        picker.setId("playground-model");
        picker.setPromptText("Choose a model");
        picker.setPrefWidth(340);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelChoice choice) {
                return choice == null ? "" : choice.label();
            }

            @Override
            public ModelChoice fromString(String text) {
                throw new UnsupportedOperationException("the picker is not editable");
            }
        });
        picker.valueProperty().bindBidirectional(viewModel.selectedModelProperty());
        picker.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(PlaygroundPhase.IDLE));
        picker.setOnShowing(event -> viewModel.refreshModels());

        var refresh = iconButton(Material2MZ.REFRESH, "List the models again");
        refresh.setOnAction(event -> viewModel.refreshModels());

        var loading = new ProgressIndicator();
        loading.setId("playground-loading");
        loading.setPrefSize(18, 18);
        loading.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(PlaygroundPhase.LOADING));
        loading.managedProperty().bind(loading.visibleProperty());

        var run = new Button("Run", new FontIcon(Material2MZ.PLAY_ARROW));
        run.setId("playground-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setTooltip(new Tooltip("Run (Ctrl+Enter)"));
        run.disableProperty().bind(viewModel.canRunProperty().not());
        run.setOnAction(event -> viewModel.run());

        var stop = new Button("Stop", new FontIcon(Material2MZ.STOP));
        stop.setId("playground-stop");
        stop.getStyleClass().add(Styles.DANGER);
        stop.setTooltip(new Tooltip("Stop at once (Esc)"));
        stop.disableProperty().bind(viewModel.canStopProperty().not());
        stop.setOnAction(event -> viewModel.stop());

        var title = new Label("LLM Playground");
        title.getStyleClass().add("playground-title");
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(8, title, new Separator(Orientation.VERTICAL), new Label("Model"), picker, refresh,
                loading, spacer, run, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("playground-toolbar", "studio-panel-header");
        return bar;
    }

    // ---- middle

    private Node workArea() {
        var system = new TextArea();
        system.setId("playground-system");
        system.setPromptText("Optional: how the model should behave");
        system.setWrapText(true);
        system.setPrefRowCount(2);
        system.textProperty().bindBidirectional(viewModel.systemPromptProperty());

        var user = new TextArea();
        user.setId("playground-user");
        user.setPromptText("Ask something, then Run (Ctrl+Enter)");
        user.setWrapText(true);
        user.setPrefRowCount(4);
        user.textProperty().bindBidirectional(viewModel.userPromptProperty());

        var message = new Label();
        message.setId("playground-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        viewModel.messageIsErrorProperty().subscribe(error -> {
            message.getStyleClass().removeAll("playground-error", "playground-info");
            message.getStyleClass().add(error ? "playground-error" : "playground-info");
        });

        output.setId("playground-output");
        output.setEditable(false);
        output.setWrapText(true);
        output.getStyleClass().add("playground-output");
        output.setPromptText("The answer streams here.");
        VBox.setVgrow(output, Priority.ALWAYS);
        output.setText(viewModel.outputProperty().get());
        viewModel.outputProperty().addListener((observable, before, after) -> showOutput(before, after));

        var box = new VBox(6, section("System prompt"), system, section("User prompt"), user, message,
                section("Output"), output, metrics());
        box.getStyleClass().add("playground-work");
        box.setPadding(new Insets(10));
        return box;
    }

    /** Appends what streamed in, instead of replacing the whole text each frame. */
    private void showOutput(String before, String after) {
        if (after.length() > before.length() && after.startsWith(before)) {
            output.appendText(after.substring(before.length()));
        } else {
            output.setText(after);
        }
        output.setScrollTop(Double.MAX_VALUE);
    }

    private Node metrics() {
        var tokens = metric("playground-tokens", "Tokens", Bindings.createStringBinding(
                () -> PlaygroundFormat.tokens(viewModel.generatedTokensProperty().get()) + " out · "
                        + PlaygroundFormat.tokens(viewModel.promptTokensProperty().get()) + " in",
                viewModel.generatedTokensProperty(), viewModel.promptTokensProperty()));
        var firstToken = metric("playground-ttft", "First token", Bindings.createStringBinding(
                () -> PlaygroundFormat.firstToken(viewModel.timeToFirstTokenMillisProperty().get()),
                viewModel.timeToFirstTokenMillisProperty()));
        var speed = metric("playground-speed", "Speed", Bindings.createStringBinding(
                () -> PlaygroundFormat.rate(viewModel.tokensPerSecondProperty().get()),
                viewModel.tokensPerSecondProperty()));
        var cost = metric("playground-cost", "Cost", Bindings.createStringBinding(
                () -> PlaygroundFormat.cost(viewModel.costProperty().get()), viewModel.costProperty()));

        var gauge = new ProgressBar();
        gauge.setId("playground-context-gauge");
        gauge.progressProperty().bind(viewModel.contextFillProperty());
        gauge.setPrefWidth(110);
        gauge.setMinWidth(80);
        gauge.getStyleClass().add(Styles.SMALL);
        viewModel.contextFillProperty().subscribe(fill -> gauge.pseudoClassStateChanged(
                NEARLY_FULL, fill.doubleValue() >= 0.9));
        var fillText = new Label();
        fillText.setId("playground-context");
        fillText.getStyleClass().add("playground-metric-value");
        fillText.setMinWidth(Region.USE_PREF_SIZE);
        fillText.textProperty().bind(Bindings.createStringBinding(() -> PlaygroundFormat.fill(
                viewModel.promptTokensProperty().get() + viewModel.generatedTokensProperty().get(),
                viewModel.contextSizeProperty().get(), viewModel.contextFillProperty().get()),
                viewModel.promptTokensProperty(), viewModel.generatedTokensProperty(),
                viewModel.contextSizeProperty(), viewModel.contextFillProperty()));
        var contextName = new Label("Context");
        contextName.getStyleClass().add("playground-metric-name");
        contextName.setMinWidth(Region.USE_PREF_SIZE);
        var context = new HBox(6, contextName, gauge, fillText);
        context.setAlignment(Pos.CENTER_LEFT);

        // A flow, so that a narrow window wraps the numbers instead of cutting them.
        var bar = new FlowPane(14, 4, tokens, cost, firstToken, speed, context);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("playground-metrics");
        return bar;
    }

    private static Node metric(String id, String name, ObservableValue<String> value) {
        var nameLabel = new Label(name);
        nameLabel.getStyleClass().add("playground-metric-name");
        nameLabel.setMinWidth(Region.USE_PREF_SIZE);
        var valueLabel = new Label();
        valueLabel.setMinWidth(Region.USE_PREF_SIZE);
        valueLabel.setId(id);
        valueLabel.getStyleClass().add("playground-metric-value");
        valueLabel.textProperty().bind(value);
        var box = new HBox(6, nameLabel, valueLabel);
        box.setAlignment(Pos.BASELINE_LEFT);
        return box;
    }

    // ---- right

    private Node sidebar() {
        var grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), growing(), new ColumnConstraints(44));
        var row = 0;
        addSlider(grid, row++, "Temperature", "playground-temperature", 0, 2, viewModel.temperatureProperty(), "%.2f");
        addSpinner(grid, row++, "Top-k", "playground-top-k", new SpinnerValueFactory.IntegerSpinnerValueFactory(
                0, 1000, viewModel.topKProperty().get(), 5), topK);
        addSlider(grid, row++, "Top-p", "playground-top-p", 0, 1, viewModel.topPProperty(), "%.2f");
        addSlider(grid, row++, "Min-p", "playground-min-p", 0, 1, viewModel.minPProperty(), "%.2f");
        addSlider(grid, row++, "Repeat penalty", "playground-repeat-penalty", 0, 2,
                viewModel.repeatPenaltyProperty(), "%.2f");
        addSpinner(grid, row++, "Max tokens", "playground-max-tokens",
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 131_072, viewModel.maxTokensProperty().get(),
                        16), maxTokens);
        var seed = new TextField();
        seed.setId("playground-seed");
        seed.setPromptText("random");
        seed.textProperty().bindBidirectional(viewModel.seedProperty());
        grid.addRow(row++, name("Seed"), seed);
        GridPane.setColumnSpan(seed, 2);
        var stops = new TextArea();
        stops.setId("playground-stop-strings");
        stops.setPromptText("one per line, \\n for a newline");
        stops.setPrefRowCount(2);
        stops.textProperty().bindBidirectional(viewModel.stopStringsProperty());
        grid.addRow(row++, name("Stop strings"), stops);
        GridPane.setColumnSpan(stops, 2);

        var priceFactory = new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1000,
                viewModel.pricePer1kTokensProperty().get(), 0.001);
        priceFactory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : String.format(Locale.ROOT, "%.4f", value);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return Math.max(0, Double.parseDouble(text.strip().replace(',', '.')));
                } catch (NumberFormatException e) {
                    return priceFactory.getValue();
                }
            }
        });
        var priceGrid = new GridPane();
        priceGrid.setHgap(8);
        priceGrid.setVgap(6);
        priceGrid.getColumnConstraints().addAll(new ColumnConstraints(), growing());
        var priceSpinner = spinner("playground-price", priceFactory, price);
        priceGrid.addRow(0, name("Price / 1k tokens"), priceSpinner);
        var today = new Label();
        today.setId("playground-today");
        today.getStyleClass().add("playground-metric-value");
        today.textProperty().bind(viewModel.tokensTodayProperty().map(
                tokens -> PlaygroundFormat.tokens(tokens.longValue()) + " tokens"));
        priceGrid.addRow(1, name("Used today"), today);

        history.setId("playground-history");
        history.setItems(viewModel.runs());
        history.setCellFactory(list -> new RunCell());
        history.setPlaceholder(new Label("No runs yet."));
        history.setOnMouseClicked(event -> {
            var selected = history.getSelectionModel().getSelectedItem();
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && selected != null) {
                viewModel.reopen(selected);
            }
        });
        // Small by preference, so that the sampling above keeps its room and the history takes what is left.
        history.setPrefHeight(160);
        history.setMinHeight(100);
        VBox.setVgrow(history, Priority.ALWAYS);
        var reopen = new Button("Reopen", new FontIcon(Material2MZ.RESTORE));
        reopen.setId("playground-reopen");
        reopen.getStyleClass().add(Styles.SMALL);
        reopen.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull()
                .or(viewModel.phaseProperty().isNotEqualTo(PlaygroundPhase.IDLE)));
        reopen.setOnAction(event -> viewModel.reopen(history.getSelectionModel().getSelectedItem()));
        var historyHeader = new HBox(8, section("History"), new Region(), reopen);
        HBox.setHgrow(historyHeader.getChildren().get(1), Priority.ALWAYS);
        historyHeader.setAlignment(Pos.CENTER_LEFT);

        var settingsBox = new VBox(8, section("Sampling"), grid, section("Cost"), priceGrid);
        var scroll = new ScrollPane(settingsBox);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        var box = new VBox(8, scroll, historyHeader, history);
        box.setPadding(new Insets(10));
        box.setMinWidth(280);
        box.setPrefWidth(320);
        box.getStyleClass().add("playground-sidebar");
        return box;
    }

    private void addSlider(GridPane grid, int row, String label, String id, double min, double max,
                           DoubleProperty property, String format) {
        var slider = new Slider(min, max, property.get());
        slider.setId(id);
        slider.setBlockIncrement((max - min) / 40);
        slider.valueProperty().bindBidirectional(property);
        var value = new Label();
        value.getStyleClass().add("playground-metric-value");
        value.textProperty().bind(property.map(number -> String.format(Locale.ROOT, format, number.doubleValue())));
        grid.addRow(row, name(label), slider, value);
    }

    private static <T> void addSpinner(GridPane grid, int row, String label, String id,
                                       SpinnerValueFactory<T> factory, ObjectProperty<T> property) {
        var spinner = spinner(id, factory, property);
        grid.addRow(row, name(label), spinner);
        GridPane.setColumnSpan(spinner, 2);
    }

    private static <T> Spinner<T> spinner(String id, SpinnerValueFactory<T> factory, ObjectProperty<T> property) {
        var spinner = new Spinner<T>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        spinner.getStyleClass().add(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL);
        factory.valueProperty().bindBidirectional(property);
        // A typed value counts when the field loses focus too, not only on Enter.
        spinner.focusedProperty().addListener((observable, before, focused) -> {
            if (!focused) {
                commit(spinner);
            }
        });
        return spinner;
    }

    private static <T> void commit(Spinner<T> spinner) {
        var factory = spinner.getValueFactory();
        var text = spinner.getEditor().getText();
        try {
            var value = factory.getConverter().fromString(text);
            if (value != null) {
                factory.setValue(value);
            }
        } catch (RuntimeException e) {
            // Not a number: show the value that stands.
        }
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
    }

    private static ColumnConstraints growing() {
        var column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        column.setFillWidth(true);
        return column;
    }

    private static Label name(String text) {
        var label = new Label(text);
        label.getStyleClass().add("playground-field-name");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label section(String text) {
        var label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().add("playground-section");
        return label;
    }

    private static Button iconButton(Ikon icon, String tooltip) {
        var button = new Button(null, new FontIcon(icon));
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        button.setTooltip(new Tooltip(tooltip));
        return button;
    }

    /** A run in the history: when, on what, how it ended, and the start of its prompt. */
    private static final class RunCell extends ListCell<StoredRun> {

        private final Label heading = new Label();
        private final Label prompt = new Label();
        private final VBox box = new VBox(2, heading, prompt);

        RunCell() {
            heading.getStyleClass().add("playground-run-heading");
            prompt.getStyleClass().add("playground-run-prompt");
            box.setMinWidth(0);
            prompt.setMinWidth(0);
        }

        @Override
        protected void updateItem(StoredRun stored, boolean empty) {
            super.updateItem(stored, empty);
            if (empty || stored == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            var run = stored.run();
            var outcome = run.outcome() == GenerationOutcome.COMPLETED ? ""
                    : " · " + run.outcome().name().toLowerCase(Locale.ROOT);
            heading.setText(PlaygroundFormat.when(run.startedAt()).substring(5) + " · " + run.model() + " · "
                    + PlaygroundFormat.tokens(run.generatedTokens()) + " tok" + outcome);
            prompt.setText(run.userPrompt().strip().lines().findFirst().orElse(""));
            setText(null);
            setGraphic(box);
        }
    }
}
