package dev.cyberdevstudio.app.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The System tab: numbers now, the loaded models, and charts of CPU and memory over the last minutes. */
final class SystemTab extends VBox {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    SystemTab(SystemViewModel system, ObservableList<LoadedModelRow> loaded, Instant origin) {
        super(10);
        getStyleClass().add("admin-tab-content");
        setPadding(new Insets(10));

        var stats = new GridPane();
        stats.setId("admin-system-stats");
        stats.setHgap(24);
        stats.setVgap(4);
        stat(stats, 0, 0, "Machine CPU", "admin-machine-cpu", system.machineCpuTextProperty());
        stat(stats, 1, 0, "Machine memory", "admin-machine-memory", system.machineMemoryTextProperty());
        stat(stats, 0, 1, "Studio CPU", "admin-studio-cpu", system.studioCpuTextProperty());
        stat(stats, 1, 1, "Studio memory", "admin-studio-memory", system.studioMemoryTextProperty());
        stat(stats, 2, 0, "Models", "admin-models-summary", system.modelsTextProperty());
        stat(stats, 2, 1, "Running generations", "admin-running-generations",
            system.runningGenerationsProperty().asString());

        var cpu = new LineChart<Number, Number>(timeAxis(origin), percentAxis());
        cpu.setId("admin-cpu-chart");
        cpu.setTitle("CPU %");
        cpu.setCreateSymbols(false);
        cpu.setAnimated(false);
        cpu.setVerticalZeroLineVisible(false);
        cpu.getData().setAll(system.cpuSeries());

        var memoryAxis = new NumberAxis();
        memoryAxis.setLabel("GiB");
        var memory = new AreaChart<Number, Number>(timeAxis(origin), memoryAxis);
        memory.setId("admin-memory-chart");
        memory.setTitle("Memory");
        memory.setCreateSymbols(false);
        memory.setAnimated(false);
        memory.setVerticalZeroLineVisible(false);
        memory.getData().setAll(system.memorySeries());

        var charts = new HBox(10, cpu, memory);
        HBox.setHgrow(cpu, Priority.ALWAYS);
        HBox.setHgrow(memory, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);

        TableView<LoadedModelRow> models = Tables.table("admin-system-loaded", "No model in memory");
        models.getColumns().setAll(List.of(
            Tables.column("Model", 220, LoadedModelRow::fileName),
            Tables.liveColumn("Memory", 100, row -> Bindings.createStringBinding(
                () -> Formats.bytes(row.memoryBytesProperty().get()), row.memoryBytesProperty())),
            Tables.liveColumn("Generations", 100, row -> row.activeGenerationsProperty().asString()),
            Tables.column("Parameters", 260, LoadedModelRow::parameters)));
        models.setItems(loaded);
        models.setPrefHeight(110);
        models.setMinHeight(80);

        getChildren().addAll(stats, Tables.title("Loaded models"), models, charts);
    }

    private static void stat(GridPane grid, int column, int row, String title, String id,
                             ObservableValue<String> value) {
        var name = new Label(title);
        name.getStyleClass().add("admin-stat-name");
        var number = new Label();
        number.setId(id);
        number.getStyleClass().add("admin-stat-value");
        number.textProperty().bind(value);
        grid.add(new VBox(1, name, number), column, row);
    }

    private static NumberAxis percentAxis() {
        var axis = new NumberAxis(0, 100, 25);
        axis.setLabel("%");
        return axis;
    }

    /** x values are seconds since {@code origin}; the ticks show the wall clock. */
    private static NumberAxis timeAxis(Instant origin) {
        var axis = new NumberAxis();
        axis.setForceZeroInRange(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return CLOCK.format(origin.plusMillis(Math.round(seconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        return axis;
    }

    static int points(XYChart<Number, Number> chart) {
        return chart.getData().stream().mapToInt(series -> series.getData().size()).sum();
    }
}
