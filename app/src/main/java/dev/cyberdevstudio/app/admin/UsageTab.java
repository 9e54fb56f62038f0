package dev.cyberdevstudio.app.admin;

import dev.cyberdevstudio.llm.UsageRecord;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Usage tab: the last 100 requests and a stacked chart of tokens per day by model. */
final class UsageTab extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    UsageTab(UsageViewModel usage) {
        super(8);
        getStyleClass().add("admin-tab-content");
        setPadding(new Insets(10));

        var summary = new Label();
        summary.setId("admin-usage-summary");
        summary.textProperty().bind(usage.summaryProperty());
        var refresh = new Button("Refresh");
        refresh.setId("admin-usage-refresh");
        refresh.setOnAction(event -> usage.refresh());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var header = new HBox(8, Tables.title("Requests"), summary, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        TableView<UsageRecord> requests = Tables.table("admin-usage-requests", "No requests yet");
        requests.getColumns().setAll(List.of(
            Tables.column("Time", 120, record -> TIME.format(record.startedAt())),
            Tables.column("Model", 260, UsageRecord::model),
            Tables.column("Kind", 70, record -> record.kind().name().toLowerCase(Locale.ROOT)),
            Tables.column("Prompt", 70, record -> Integer.toString(record.promptTokens())),
            Tables.column("Generated", 80, record -> Integer.toString(record.generatedTokens())),
            Tables.column("First token", 90, record -> Formats.millis(record.timeToFirstToken())),
            Tables.column("Tokens/s", 70, record -> Formats.decimal(record.tokensPerSecond())),
            Tables.column("Outcome", 90, record -> record.outcome().name().toLowerCase(Locale.ROOT))));
        requests.setItems(usage.requests());

        var days = new CategoryAxis();
        days.setLabel("Day");
        days.getCategories().setAll(usage.days());
        usage.days().addListener((ListChangeListener<String>) change -> days.getCategories().setAll(usage.days()));
        var tokens = new NumberAxis();
        tokens.setLabel("Tokens");
        var chart = new StackedBarChart<String, Number>(days, tokens);
        chart.setId("admin-usage-chart");
        chart.setTitle("Tokens per day by model");
        chart.setAnimated(false);
        chart.setData(usage.tokensPerDay());

        var split = new SplitPane(requests, chart);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(header, split);
    }
}
